package io.mcpcluster.transport;

import io.mcpcluster.config.AuthConfig;
import io.mcpcluster.config.InputLimits;
import io.mcpcluster.config.McpConfig;
import io.mcpcluster.dispatch.FeatureRegistry;
import io.mcpcluster.dispatch.InboundMessages;
import io.mcpcluster.session.Session;
import io.mcpcluster.session.Sessions;
import io.mcpcluster.stream.Streams;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;

import java.security.Principal;

/**
 * Base of the MCP servlets: looks the services they hand off to up once. Weld cannot inject into
 * servlets on Jetty 12.1 (no jetty-ee10-cdi for 12.1), and the lookup works unchanged on WildFly.
 */
public abstract class McpHttpServlet extends HttpServlet {
    protected transient McpConfig config;
    protected transient InputLimits limits;
    protected transient Sessions sessions;
    protected transient Streams streams;
    protected transient InboundMessages inbound;
    protected transient ScopeCheck scopeCheck;

    @Override
    public void init() {
        CDI<Object> cdi = CDI.current();
        config = cdi.select(McpConfig.class).get();
        limits = cdi.select(InputLimits.class).get();
        sessions = cdi.select(Sessions.class).get();
        streams = cdi.select(Streams.class).get();
        inbound = cdi.select(InboundMessages.class).get();
        scopeCheck = new ScopeCheck(cdi.select(AuthConfig.class).get(), cdi.select(FeatureRegistry.class).get().scopes());
    }

    /** The authenticated caller's name ({@code <issuer>#<subject>} for a bearer token), or null. */
    public static String principal(HttpServletRequest req) {
        Principal p = req.getUserPrincipal();
        return p == null ? null : p.getName();
    }

    /** {@code session} as this request may use it: with the scopes its token grants. */
    protected static Session asCaller(Session session, HttpServletRequest req) {
        return session.withGrantedScopes(Authorization.grantedScopes(req));
    }
}
