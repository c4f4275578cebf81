package io.mcpcluster.it.arquillian.jetty;

import org.jboss.arquillian.container.spi.ConfigurationException;
import org.jboss.arquillian.container.spi.client.container.ContainerConfiguration;

/**
 * One Jetty node of arquillian.xml: where Jetty is, where its base goes, its ports, cluster peers and
 * the optional feature sets it turns on ({@code mcp.features}; none unless set, as in production).
 */
public class JettyHomeConfiguration implements ContainerConfiguration {
    private String jettyHome;
    private String jettyBase;
    private int httpPort = 28081;
    private String nodeName = "jetty1";
    private int jgroupsPort = 27800;
    private String jgroupsInitialHosts = "127.0.0.1[27800]";
    private String javaOpts = "-Xmx512m";
    private int startupTimeoutSeconds = 120;
    private String features = "";

    @Override
    public void validate() throws ConfigurationException {
        if (jettyHome == null || !new java.io.File(jettyHome, "start.jar").isFile()) {
            throw new ConfigurationException("jettyHome must name an unpacked jetty-home (start.jar): " + jettyHome);
        }
        if (jettyBase == null) {
            throw new ConfigurationException("jettyBase is required");
        }
    }

    public String getJettyHome() {
        return jettyHome;
    }

    public void setJettyHome(String jettyHome) {
        this.jettyHome = jettyHome;
    }

    public String getJettyBase() {
        return jettyBase;
    }

    public void setJettyBase(String jettyBase) {
        this.jettyBase = jettyBase;
    }

    public int getHttpPort() {
        return httpPort;
    }

    public void setHttpPort(int httpPort) {
        this.httpPort = httpPort;
    }

    public String getNodeName() {
        return nodeName;
    }

    public void setNodeName(String nodeName) {
        this.nodeName = nodeName;
    }

    public int getJgroupsPort() {
        return jgroupsPort;
    }

    public void setJgroupsPort(int jgroupsPort) {
        this.jgroupsPort = jgroupsPort;
    }

    public String getJgroupsInitialHosts() {
        return jgroupsInitialHosts;
    }

    public void setJgroupsInitialHosts(String jgroupsInitialHosts) {
        this.jgroupsInitialHosts = jgroupsInitialHosts;
    }

    public String getJavaOpts() {
        return javaOpts;
    }

    public void setJavaOpts(String javaOpts) {
        this.javaOpts = javaOpts;
    }

    public int getStartupTimeoutSeconds() {
        return startupTimeoutSeconds;
    }

    public void setStartupTimeoutSeconds(int startupTimeoutSeconds) {
        this.startupTimeoutSeconds = startupTimeoutSeconds;
    }

    public String getFeatures() {
        return features;
    }

    public void setFeatures(String features) {
        this.features = features;
    }
}
