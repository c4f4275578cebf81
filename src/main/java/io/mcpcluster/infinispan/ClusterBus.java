package io.mcpcluster.infinispan;

import io.mcpcluster.config.ClusterKeys;
import org.infinispan.configuration.global.ShutdownHookBehavior;
import org.infinispan.configuration.global.TransportConfiguration;
import org.infinispan.configuration.parsing.ConfigurationBuilderHolder;
import org.infinispan.configuration.parsing.ParserRegistry;
import org.infinispan.factories.GlobalComponentRegistry;
import org.infinispan.manager.DefaultCacheManager;
import org.infinispan.manager.EmbeddedCacheManager;
import org.infinispan.remoting.transport.Transport;
import org.infinispan.remoting.transport.jgroups.AbstractJGroupsChannelConfigurator;
import org.infinispan.remoting.transport.jgroups.JGroupsChannelConfigurator;
import org.infinispan.remoting.transport.jgroups.JGroupsTransport;
import org.jgroups.protocols.TCP;
import org.jgroups.protocols.TP;
import org.jgroups.util.SocketFactory;
import org.jgroups.util.TLS;
import org.jgroups.util.TLSClientAuth;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Opens the cache manager we own, with the cluster bus secured: the TCP transport of a clustered
 * configuration (webapp-config/infinispan*.xml, or an operator's own) gets TLS 1.3 sockets that demand
 * a client certificate, made from {@link ClusterKeys} by {@link PeerTrust}. JGroups' own {@code tls.*}
 * attributes are not used: they would replace these sockets when the transport starts, and without
 * them a peer refused for its certificate shows only as "Socket is closed".
 *
 * <p>A clustered node without usable key material refuses to start, with one line saying why, unless
 * the operator said the network is trusted; so does one whose transport does not use those sockets
 * (UDP, TCP_NIO2).
 */
final class ClusterBus {
    private static final Logger LOG = Logger.getLogger(ClusterBus.class.getName());
    static final String TRUSTED = "mcp.cluster.trusted.network=true";

    private ClusterBus() {
    }

    /** The built-in local configuration when {@code file} is empty, else {@code file}, its bus secured. */
    static EmbeddedCacheManager open(String file, ClusterKeys keys) {
        ConfigurationBuilderHolder holder = parse(file);
        // The application stops the cache manager itself, after its drain: Infinispan's own JVM shutdown
        // hook would leave the cluster on SIGTERM while the drain still serves and writes.
        holder.getGlobalConfigurationBuilder().shutdown().hookBehavior(ShutdownHookBehavior.DONT_REGISTER);
        if (!holder.getGlobalConfigurationBuilder().build().isClustered()) {
            return new DefaultCacheManager(holder, true);
        }
        if (keys.trustedNetwork()) {
            LOG.warning(TRUSTED + ": the cluster bus is neither authenticated nor encrypted; anyone who reaches"
                    + " the JGroups port can join and read every session");
            return new DefaultCacheManager(holder, true);
        }
        SocketFactory sockets = tlsSockets(keys);
        JGroupsChannelConfigurator stack = stack(holder);
        if (!(stack instanceof AbstractJGroupsChannelConfigurator configurable)) {
            throw refuse(file + " names no JGroups stack of its own to secure (<jgroups><stack>, see"
                    + " webapp-config/infinispan.xml), or say " + TRUSTED);
        }
        configurable.setSocketFactory(sockets);
        EmbeddedCacheManager manager = new DefaultCacheManager(holder, true);
        if (!mutualTls(manager, sockets)) {
            manager.stop();
            throw refuse(file + " does not run JGroups' TCP transport, whose sockets carry the TLS of the bus;"
                    + " use TCP as webapp-config/infinispan.xml does, or say " + TRUSTED);
        }
        return manager;
    }

    private static ConfigurationBuilderHolder parse(String file) {
        ParserRegistry parser = new ParserRegistry();
        try {
            return file.isEmpty() ? parser.parse(ClusterBus.class.getResource("/mcp-infinispan-local.xml"))
                    : parser.parse(Path.of(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read Infinispan configuration " + file, e);
        }
    }

    /** Sockets over mutual TLS 1.3; a missing key store or a wrong password is one clear line. */
    static SocketFactory tlsSockets(ClusterKeys keys) {
        if (keys.keystore().isEmpty()) {
            throw refuse("no key material for the cluster bus: set mcp.cluster.keystore and"
                    + " mcp.cluster.keystore.password (MCP_CLUSTER_KEYSTORE, MCP_CLUSTER_KEYSTORE_PASSWORD), or "
                    + TRUSTED + " on a network nothing else can reach");
        }
        try {
            SSLContext context = PeerTrust.context(keys);
            warmUp(context);
            return new TLS().setClientAuth(TLSClientAuth.NEED).setProtocols(new String[] {"TLSv1.3"})
                    .createSocketFactory(context);
        } catch (IOException | GeneralSecurityException e) {
            throw refuse("cannot read the cluster bus's key material mcp.cluster.keystore=" + keys.keystore()
                    + ", mcp.cluster.truststore=" + keys.truststore() + " (" + e + "): check the files and passwords");
        }
    }

    /**
     * One handshake with itself on loopback before joining: a cold JVM's first TLS handshake can take
     * longer than discovery waits (2 s), and the node would start a cluster of its own until a merge.
     */
    private static void warmUp(SSLContext context) throws IOException {
        long t0 = System.nanoTime();
        try (SSLServerSocket server = (SSLServerSocket) context.getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            server.setNeedClientAuth(true);
            server.setSoTimeout(10_000);
            CompletableFuture<Void> accepted = CompletableFuture.runAsync(() -> {
                try (SSLSocket s = (SSLSocket) server.accept()) {
                    s.startHandshake();
                    s.getInputStream().read();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            try (SSLSocket client = (SSLSocket) context.getSocketFactory()
                    .createSocket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
                client.setSoTimeout(10_000);
                client.startHandshake();
                client.getOutputStream().write(1);
                client.getOutputStream().flush();
            }
            accepted.orTimeout(10, TimeUnit.SECONDS).join();
        }
        LOG.info(() -> "Cluster bus: mutual TLS 1.3 ready in " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)
                + " ms");
    }

    private static JGroupsChannelConfigurator stack(ConfigurationBuilderHolder holder) {
        TransportConfiguration transport = holder.getGlobalConfigurationBuilder().build().transport();
        return transport.stack() == null ? null : transport.jgroups().configurator(transport.stack());
    }

    /** True when the running channel's transport is TCP over {@code sockets} (or its own mutual TLS). */
    static boolean mutualTls(EmbeddedCacheManager manager, SocketFactory sockets) {
        Transport transport = GlobalComponentRegistry.componentOf(manager, Transport.class);
        if (!(transport instanceof JGroupsTransport jgroups)) {
            return false;
        }
        TP tp = jgroups.getChannel().getProtocolStack().getTransport();
        return tp instanceof TCP tcp && (tcp.getSocketFactory() == sockets
                || tcp.tls().enabled() && tcp.tls().getClientAuth() == TLSClientAuth.NEED);
    }

    private static IllegalStateException refuse(String why) {
        String line = "Refusing to start a clustered node: " + why;
        LOG.severe(line);
        return new IllegalStateException(line);
    }
}
