package io.mcpcluster.transport;

import io.mcpcluster.config.AuthConfig;
import io.mcpcluster.dispatch.FeatureRegistry;
import io.mcpcluster.protocol.JsonRpc;
import io.mcpcluster.protocol.Jsons;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.URI;
import java.util.Set;
import java.util.TreeSet;

/**
 * OAuth 2.0 Protected Resource Metadata (RFC 9728), how an MCP client finds the authorization server:
 * {@code GET /.well-known/oauth-protected-resource/mcp} (the well-known path inserted before the path of
 * the resource) and {@code GET /.well-known/oauth-protected-resource}. The document names the configured
 * public URL ({@code mcp.auth.resource}), never this node's address, so that every node answers the same:
 * <pre>
 * {"resource":"https://mcp.example.com/mcp","authorization_servers":["https://issuer"],
 *  "scopes_supported":["mcp","notes:write"],"bearer_methods_supported":["header"]}
 * </pre>
 * {@code 404} while authorization is off, and for any other path.
 */
public class ProtectedResourceServlet extends HttpServlet {
    private transient AuthConfig config;
    private transient FeatureRegistry features;

    @Override
    public void init() {
        config = CDI.current().select(AuthConfig.class).get();
        features = CDI.current().select(FeatureRegistry.class).get();
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo() == null ? "" : req.getPathInfo();
        String resourcePath = URI.create(config.resource().isEmpty() ? "/" : config.resource()).getRawPath();
        if (!config.enabled() || !(path.isEmpty() || path.equals(resourcePath))) {
            resp.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Set<String> scopes = new TreeSet<>(config.requiredScopes());
        scopes.addAll(features.scopes().all());
        JsonArrayBuilder issuers = Jsons.createArrayBuilder();
        config.jwksByIssuer().keySet().stream().sorted().forEach(issuers::add);
        JsonArrayBuilder supported = Jsons.createArrayBuilder();
        scopes.forEach(supported::add);
        resp.setHeader("Access-Control-Allow-Origin", "*"); // public metadata, read by browser-based clients too
        resp.setHeader("Cache-Control", "max-age=300");
        HttpReplies.json(resp, JsonRpc.write(Jsons.createObjectBuilder().add("resource", config.resource())
                .add("authorization_servers", issuers).add("scopes_supported", supported)
                .add("bearer_methods_supported", Jsons.createArrayBuilder().add("header")).build()));
    }
}
