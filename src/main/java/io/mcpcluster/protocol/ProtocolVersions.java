package io.mcpcluster.protocol;

import java.util.List;

/** The MCP revisions this server speaks, newest first, and the negotiation rule of the spec. */
public final class ProtocolVersions {
    public static final String V2024_11_05 = "2024-11-05";
    public static final String V2025_03_26 = "2025-03-26";
    public static final String V2025_06_18 = "2025-06-18";
    public static final String V2025_11_25 = "2025-11-25";
    public static final String V2026_07_28 = "2026-07-28";
    /** The stateless revisions (per-request {@code _meta}, no initialize), served beside the session ones. */
    public static final List<String> MODERN = List.of(V2026_07_28);
    /** The revisions negotiated at initialize. */
    public static final List<String> SUPPORTED = List.of(V2025_11_25, V2025_06_18, V2025_03_26, V2024_11_05);
    public static final String LATEST = V2025_11_25;
    /** Streamable HTTP: a request without MCP-Protocol-Version is taken as this revision. */
    public static final String ASSUMED_WHEN_ABSENT = V2025_03_26;

    private ProtocolVersions() {
    }

    public static boolean isSupported(String version) {
        return version != null && SUPPORTED.contains(version);
    }

    public static boolean isModern(String version) {
        return version != null && MODERN.contains(version);
    }

    /** The client's version if we speak it, else our latest (the client then decides whether to go on). */
    public static String negotiate(String requested) {
        return isSupported(requested) ? requested : LATEST;
    }

    /** JSON-RPC batches were removed in 2025-06-18. */
    public static boolean allowsBatches(String version) {
        return version == null || V2025_03_26.equals(version) || V2024_11_05.equals(version);
    }

    /** SEP-1699 (2025-11-25): SSE streams open with a priming event and may be closed for polling. */
    public static boolean usesPrimingEvents(String version) {
        return version != null && version.compareTo(V2025_11_25) >= 0;
    }
}
