package io.mcpcluster.transport.streamable;

import io.mcpcluster.protocol.ErrorCodes;
import io.mcpcluster.protocol.JsonRpcMessage;
import io.mcpcluster.protocol.Jsons;
import io.mcpcluster.protocol.McpException;
import io.mcpcluster.protocol.McpMethods;
import io.mcpcluster.protocol.ModernMeta;
import io.mcpcluster.protocol.ProtocolVersions;
import io.mcpcluster.transport.McpHeaders;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;

import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The request-metadata rules of 2026-07-28 Streamable HTTP: the headers that mirror the body must be
 * there and agree with it, so that a balancer routing on a header and this server reading the body
 * see the same request. Header names are case-insensitive (the servlet API compares them so); values
 * are trimmed of surrounding whitespace and compared case-sensitively ({@link HeaderValues}); tool
 * arguments marked {@code x-mcp-header} are checked by {@link ParamHeaders}.
 */
final class ModernHeaders {
    private static final Set<String> NAMED = Set.of(McpMethods.TOOLS_CALL, McpMethods.PROMPTS_GET,
            McpMethods.RESOURCES_READ);

    private ModernHeaders() {
    }

    /**
     * The request's {@code _meta} once every rule holds, else an {@link McpException}: a missing or
     * differing header is -32020, missing {@code _meta} fields -32602, a version not served -32022.
     * {@code toolSchemas} gives the input schema of a tool (null when unknown) for its {@code Mcp-Param-*} headers.
     */
    static ModernMeta check(HttpServletRequest req, JsonRpcMessage message, List<String> supported,
                            Function<String, JsonObject> toolSchemas) {
        String version = HeaderValues.value(req, McpHeaders.PROTOCOL_VERSION);
        if (version == null) {
            throw HeaderValues.mismatch("the MCP-Protocol-Version header is required");
        }
        ModernMeta meta = ModernMeta.of(message.params());
        if (!version.equals(meta.protocolVersion())) {
            throw HeaderValues.mismatch("MCP-Protocol-Version header '" + HeaderValues.shown(version)
                    + "' does not match _meta." + ModernMeta.PROTOCOL_VERSION + " '"
                    + HeaderValues.shown(meta.protocolVersion()) + "'");
        }
        if (!ProtocolVersions.isModern(version)) {
            throw unsupported(version, supported);
        }
        String method = HeaderValues.value(req, McpHeaders.METHOD);
        if (method == null) {
            throw HeaderValues.mismatch("the Mcp-Method header is required");
        }
        if (!method.equals(message.method())) {
            throw HeaderValues.mismatch("Mcp-Method header '" + HeaderValues.shown(method)
                    + "' does not match the body's method");
        }
        if (NAMED.contains(message.method())) {
            checkName(req, message);
        }
        if (McpMethods.TOOLS_CALL.equals(message.method())) {
            checkParams(req, message.params(), toolSchemas);
        }
        return meta;
    }

    private static void checkName(HttpServletRequest req, JsonRpcMessage message) {
        String key = McpMethods.RESOURCES_READ.equals(message.method()) ? "uri" : "name";
        JsonValue body = message.params() == null ? null : message.params().get(key);
        String bodyName = body != null && body.getValueType() == JsonValue.ValueType.STRING
                ? message.params().getString(key) : null;
        String header = HeaderValues.decoded(McpHeaders.NAME, HeaderValues.value(req, McpHeaders.NAME));
        if (header == null && bodyName != null) {
            throw HeaderValues.mismatch("the Mcp-Name header is required for " + message.method());
        }
        if (header != null && !header.equals(bodyName)) {
            throw HeaderValues.mismatch("Mcp-Name header does not match the body's params." + key);
        }
    }

    private static void checkParams(HttpServletRequest req, JsonObject params, Function<String, JsonObject> toolSchemas) {
        JsonObject schema = toolSchemas.apply(params.getString("name", ""));
        if (schema == null) {
            return; // an unknown tool is answered as such by the call itself
        }
        JsonValue arguments = params.get("arguments");
        ParamHeaders.check(req, schema, arguments != null && arguments.getValueType() == JsonValue.ValueType.OBJECT
                ? arguments.asJsonObject() : null);
    }

    private static McpException unsupported(String requested, List<String> supported) {
        JsonArrayBuilder versions = Jsons.createArrayBuilder();
        supported.forEach(versions::add);
        return new McpException(ErrorCodes.UNSUPPORTED_PROTOCOL_VERSION, "Unsupported protocol version: "
                + HeaderValues.shown(requested)
                + " (without a session; the 2025 revisions begin with initialize)",
                Jsons.createObjectBuilder().add("supported", versions).add("requested", requested).build());
    }
}
