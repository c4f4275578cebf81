package io.mcpcluster.dispatch;

import io.mcpcluster.cluster.Membership;
import io.mcpcluster.node.NodeExecutors;
import io.mcpcluster.protocol.JsonRpc;
import io.mcpcluster.protocol.Jsons;
import io.mcpcluster.protocol.McpMethods;
import io.mcpcluster.session.Session;
import io.mcpcluster.session.SessionStore;
import io.mcpcluster.stream.EventLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

import java.util.function.Predicate;
import java.util.logging.Logger;

/**
 * List changes and resource updates made on this node, sent to the standalone stream of every session
 * that wants them, on every node: the events go to each stream's holder, or wait in the log for a
 * stream being resumed. The same change goes, as one cluster signal, to the 2026-07-28 listen streams of
 * every node ({@link Subscriptions}). Started with the application, which it announces.
 */
@ApplicationScoped
public class ChangeBroadcasts {
    private static final Logger LOG = Logger.getLogger(ChangeBroadcasts.class.getName());

    @Inject
    FeatureRegistry features;
    @Inject
    SessionStore sessions;
    @Inject
    EventLog log;
    @Inject
    NodeExecutors executors;
    @Inject
    Membership membership;
    @Inject
    Subscriptions subscriptions;

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        features.onListChanged(method -> executors.workers().execute(() ->
                broadcast(JsonRpc.notification(method, null), s -> true)));
        features.onResourceUpdated(uri -> executors.workers().execute(() -> broadcast(JsonRpc.notification(
                McpMethods.NOTIFY_RESOURCE_UPDATED, Jsons.createObjectBuilder().add("uri", uri).build()),
                s -> s.subscriptions().contains(uri))));
        LOG.info(() -> "mcp-cluster node " + membership.nodeName() + " ready: " + features.tools().size() + " tools, "
                + features.resources().size() + " resources, " + features.prompts().size() + " prompts");
    }

    private void broadcast(JsonObject notification, Predicate<Session> wanted) {
        subscriptions.publish(notification);
        sessions.forEachWithStandaloneStream(s -> {
            if (wanted.test(s)) {
                log.send(s.standaloneStreamId(), notification);
            }
        });
    }
}
