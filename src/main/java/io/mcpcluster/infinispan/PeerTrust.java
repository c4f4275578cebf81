package io.mcpcluster.infinispan;

import io.mcpcluster.config.ClusterKeys;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The TLS context of the cluster bus, built from the same key material as the tls.* attributes of
 * webapp-config/infinispan*.xml, with one addition: a peer whose certificate the trust store does not
 * trust (a node without this cluster's key material) is named in one log line, at most once a minute
 * per certificate, instead of surfacing as JGroups' "Socket is closed".
 */
final class PeerTrust extends X509ExtendedTrustManager {
    private static final Logger LOG = Logger.getLogger(PeerTrust.class.getName());
    private static final long QUIET_NANOS = TimeUnit.MINUTES.toNanos(1);
    private final X509ExtendedTrustManager trust;
    private final String truststore;
    private final Map<String, Long> lastLogged = new ConcurrentHashMap<>();

    private PeerTrust(X509ExtendedTrustManager trust, String truststore) {
        this.trust = trust;
        this.truststore = truststore;
    }

    /** Loads a PKCS12 store; an unreadable file or a wrong password fails here. */
    private static KeyStore load(String file, String password) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            return store;
        }
    }

    static SSLContext context(ClusterKeys keys) throws IOException, GeneralSecurityException {
        KeyManagerFactory km = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        km.init(load(keys.keystore(), keys.keystorePassword()),
                keys.keystorePassword().toCharArray());
        TrustManagerFactory tm = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tm.init(load(keys.truststore(), keys.truststorePassword()));
        X509ExtendedTrustManager trust = null;
        for (TrustManager m : tm.getTrustManagers()) {
            if (m instanceof X509ExtendedTrustManager x) {
                trust = x;
            }
        }
        SSLContext context = SSLContext.getInstance("TLSv1.3");
        context.init(km.getKeyManagers(), new TrustManager[] {new PeerTrust(trust, keys.truststore())}, null);
        return context;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        try {
            trust.checkClientTrusted(chain, authType, socket);
        } catch (CertificateException e) {
            throw refused(chain, socket, e);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        try {
            trust.checkServerTrusted(chain, authType, socket);
        } catch (CertificateException e) {
            throw refused(chain, socket, e);
        }
    }

    private CertificateException refused(X509Certificate[] chain, Socket socket, CertificateException e) {
        String subject = chain.length == 0 ? "(none)" : chain[0].getSubjectX500Principal().getName();
        long now = System.nanoTime();
        Long last = lastLogged.get(subject);
        if (last == null || now - last > QUIET_NANOS) {
            lastLogged.put(subject, now);
            LOG.warning("Refused a cluster peer at " + (socket == null ? "?" : socket.getRemoteSocketAddress())
                    + ": its certificate " + subject + " is not trusted by mcp.cluster.truststore " + truststore
                    + ", so it does not hold this cluster's key material and may not join (" + e.getMessage() + ")");
        }
        return e;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        trust.checkClientTrusted(chain, authType, engine);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        trust.checkServerTrusted(chain, authType, engine);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        trust.checkClientTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        trust.checkServerTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return trust.getAcceptedIssuers();
    }
}
