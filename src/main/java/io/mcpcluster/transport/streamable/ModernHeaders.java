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
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * The request-metadata rules of 2026-07-28 Streamable HTTP: the headers that mirror the body must be
 * there and agree with it, so that a balancer routing on a header and this server reading the body
 * see the same request. Header names are case-insensitive (the servlet API compares them so); values
 * are trimmed of surrounding whitespace and compared case-sensitively.
 */
final class ModernHeaders {
    private static final Set<String> NAMED = Set.of(McpMethods.TOOLS_CALL, McpMethods.PROMPTS_GET,
            McpMethods.RESOURCES_READ);
    private static final String BASE64_PREFIX = "=?base64?";
    private static final String BASE64_SUFFIX = "?=";

    private ModernHeaders() {
    }

    /**
     * The request's {@code _meta} once every rule holds, else an {@link McpException}: a missing or
     * differing header is -32020, missing {@code _meta} fields -32602, a version not served -32022.
     */
    static ModernMeta check(HttpServletRequest req, JsonRpcMessage message, List<String> supported) {
        String version = value(req, McpHeaders.PROTOCOL_VERSION);
        if (version == null) {
            throw mismatch("the MCP-Protocol-Version header is required");
        }
        ModernMeta meta = ModernMeta.of(message.params());
        if (!version.equals(meta.protocolVersion())) {
            throw mismatch("MCP-Protocol-Version header '" + version + "' does not match _meta."
                    + ModernMeta.PROTOCOL_VERSION + " '" + meta.protocolVersion() + "'");
        }
        if (!ProtocolVersions.isModern(version)) {
            throw unsupported(version, supported);
        }
        String method = value(req, McpHeaders.METHOD);
        if (method == null) {
            throw mismatch("the Mcp-Method header is required");
        }
        if (!method.equals(message.method())) {
            throw mismatch("Mcp-Method header '" + method + "' does not match the body's method");
        }
        if (NAMED.contains(message.method())) {
            checkName(req, message);
        }
        return meta;
    }

    private static void checkName(HttpServletRequest req, JsonRpcMessage message) {
        String key = McpMethods.RESOURCES_READ.equals(message.method()) ? "uri" : "name";
        JsonValue body = message.params() == null ? null : message.params().get(key);
        String bodyName = body != null && body.getValueType() == JsonValue.ValueType.STRING
                ? message.params().getString(key) : null;
        String header = decoded(value(req, McpHeaders.NAME));
        if (header == null && bodyName != null) {
            throw mismatch("the Mcp-Name header is required for " + message.method());
        }
        if (header != null && !header.equals(bodyName)) {
            throw mismatch("Mcp-Name header does not match the body's params." + key);
        }
    }

    /** The trimmed value, or null when absent; characters outside visible ASCII, space and tab are refused. */
    private static String value(HttpServletRequest req, String name) {
        String raw = req.getHeader(name);
        if (raw == null) {
            return null;
        }
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if ((c < 0x20 && c != '\t') || c > 0x7E) {
                throw mismatch("the " + name + " header holds a character that is not allowed");
            }
        }
        return raw.strip();
    }

    /** {@code =?base64?…?=} carries a value that is not plain ASCII (or looks like that sentinel). */
    private static String decoded(String value) {
        if (value == null || !value.startsWith(BASE64_PREFIX) || !value.endsWith(BASE64_SUFFIX)
                || value.length() < BASE64_PREFIX.length() + BASE64_SUFFIX.length()) {
            return value;
        }
        String encoded = value.substring(BASE64_PREFIX.length(), value.length() - BASE64_SUFFIX.length());
        try {
            return new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw mismatch("the Mcp-Name header is not valid base64");
        }
    }

    private static McpException mismatch(String detail) {
        return new McpException(ErrorCodes.HEADER_MISMATCH, "Header mismatch: " + detail);
    }

    private static McpException unsupported(String requested, List<String> supported) {
        JsonArrayBuilder versions = Jsons.createArrayBuilder();
        supported.forEach(versions::add);
        return new McpException(ErrorCodes.UNSUPPORTED_PROTOCOL_VERSION, "Unsupported protocol version: " + requested
                + " (without a session; the 2025 revisions begin with initialize)",
                Jsons.createObjectBuilder().add("supported", versions).add("requested", requested).build());
    }
}
