package io.mcpcluster.it.arquillian;

import io.mcpcluster.api.Tool;
import io.mcpcluster.cluster.Membership;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Added to the WAR by the Arquillian tests (ShrinkWrap) and nowhere else: tells which node executed
 * a call, so a test can show that a request sent to server 2 ran on server 2 in a session opened on
 * server 1. Also shows that a user's own CDI bean with {@code @Tool} deploys to each target.
 */
@ApplicationScoped
public class ServedByTool {
    @Inject
    Membership membership;

    @Tool(name = "served_by", description = "The name of the cluster node that executes this call")
    String servedBy() {
        return membership.nodeName();
    }
}
