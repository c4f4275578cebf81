package io.mcpcluster.protocol;

/**
 * Every JSON-RPC error code this server sends, defined once. The JSON-RPC 2.0 codes, then the
 * server-defined range (-32000 to -32099) as MCP and its SDKs use it.
 */
public final class ErrorCodes {
    public static final int PARSE_ERROR = -32700;
    public static final int INVALID_REQUEST = -32600;
    public static final int METHOD_NOT_FOUND = -32601;
    public static final int INVALID_PARAMS = -32602;
    public static final int INTERNAL_ERROR = -32603;
    /** Transport-level refusals (bad Origin or Host, Accept, media type, conflict), as the TypeScript SDK does. */
    public static final int SERVER_ERROR = -32000;
    /** The session named by the request does not exist (never did, ended, expired, or is another principal's). */
    public static final int SESSION_NOT_FOUND = -32001;
    /** MCP: a resource URI that does not exist. */
    public static final int RESOURCE_NOT_FOUND = -32002;
    /** A server-to-client request (sampling, elicitation, roots) got no answer from the client in time. */
    public static final int CLIENT_REQUEST_TIMEOUT = -32003;
    /** MCP 2026-07-28: a mirrored header (MCP-Protocol-Version, Mcp-Method, Mcp-Name) is missing or differs from the body. */
    public static final int HEADER_MISMATCH = -32020;
    /** MCP 2026-07-28: serving the request needs a client capability its {@code _meta} did not declare ({@code data.requiredCapabilities}). */
    public static final int MISSING_CLIENT_CAPABILITY = -32021;
    /** MCP 2026-07-28: the request's protocol version is not served here ({@code data.supported}, {@code data.requested}). */
    public static final int UNSUPPORTED_PROTOCOL_VERSION = -32022;
    /** The request was cancelled (notifications/cancelled, DELETE, or its stream closed). */
    public static final int REQUEST_CANCELLED = -32800;

    private ErrorCodes() {
    }
}
