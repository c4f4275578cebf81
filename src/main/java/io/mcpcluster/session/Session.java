package io.mcpcluster.session;

import io.mcpcluster.protocol.JsonRpc;
import io.mcpcluster.protocol.LogLevel;
import io.mcpcluster.protocol.ProtocolVersions;
import io.mcpcluster.protocol.Jsons;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * One MCP session: the whole of its state, stored as compact JSON text in the sessions cache so that
 * every node sees it. Immutable; change it through {@link SessionStore#update}.
 *
 * @param transport          the transport the session was opened with
 * @param protocolVersion    negotiated at initialize; null before
 * @param logLevel           minimum level of {@code notifications/message}; null sends all
 * @param standaloneStreamId the stream that carries messages not tied to a request: the Streamable GET
 *                           stream or the legacy SSE stream; null when none is open
 * @param principal          the authenticated user the session is bound to, or null
 * @param adopted            opened for a client that reconnected without naming its session: served
 *                           at the version its header named, with no client capabilities, until (if
 *                           ever) it sends {@code initialize}
 * @param grantedScopes      the scopes of the token of the request being served (null: not restricted);
 *                           set by the transport on each request, never stored, so that a client that
 *                           gets a token with more scopes sees more at once
 */
public record Session(String id, Transport transport, String protocolVersion, JsonObject clientInfo,
                      JsonObject clientCapabilities, LogLevel logLevel, Set<String> subscriptions,
                      String principal, String standaloneStreamId, boolean initialized, long createdAt,
                      boolean adopted, Set<String> grantedScopes) {

    public Session {
        subscriptions = Set.copyOf(subscriptions);
        clientInfo = clientInfo == null ? JsonValue.EMPTY_JSON_OBJECT : clientInfo;
        clientCapabilities = clientCapabilities == null ? JsonValue.EMPTY_JSON_OBJECT : clientCapabilities;
        grantedScopes = grantedScopes == null ? null : Set.copyOf(grantedScopes);
    }

    public static Session create(String id, Transport transport, String principal) {
        return new Session(id, transport, null, null, null, null, Set.of(), principal, null, false,
                System.currentTimeMillis(), false, null);
    }

    public Session withHandshake(String version, JsonObject info, JsonObject capabilities) {
        return new Session(id, transport, version, info, capabilities, logLevel, subscriptions, principal,
                standaloneStreamId, initialized, createdAt, false, grantedScopes);
    }

    /** Served at {@code version} without a handshake: its client reconnected without naming its session. */
    public Session adoptedAt(String version) {
        return new Session(id, transport, version, null, null, logLevel, subscriptions, principal,
                standaloneStreamId, true, createdAt, true, grantedScopes);
    }

    public Session withInitialized() {
        return new Session(id, transport, protocolVersion, clientInfo, clientCapabilities, logLevel, subscriptions,
                principal, standaloneStreamId, true, createdAt, adopted, grantedScopes);
    }

    public Session withLogLevel(LogLevel level) {
        return new Session(id, transport, protocolVersion, clientInfo, clientCapabilities, level, subscriptions,
                principal, standaloneStreamId, initialized, createdAt, adopted, grantedScopes);
    }

    public Session withSubscription(String uri, boolean subscribed) {
        Set<String> s = new TreeSet<>(subscriptions);
        if (subscribed) {
            s.add(uri);
        } else {
            s.remove(uri);
        }
        return new Session(id, transport, protocolVersion, clientInfo, clientCapabilities, logLevel, s, principal,
                standaloneStreamId, initialized, createdAt, adopted, grantedScopes);
    }

    public Session withStandaloneStream(String streamId) {
        return new Session(id, transport, protocolVersion, clientInfo, clientCapabilities, logLevel, subscriptions,
                principal, streamId, initialized, createdAt, adopted, grantedScopes);
    }

    /** This session as seen by a request whose token grants {@code scopes} (null: not restricted). */
    public Session withGrantedScopes(Set<String> scopes) {
        return new Session(id, transport, protocolVersion, clientInfo, clientCapabilities, logLevel, subscriptions,
                principal, standaloneStreamId, initialized, createdAt, adopted, scopes);
    }

    /** Whether the request being served may use a feature that needs {@code required}. */
    public boolean mayUse(Set<String> required) {
        return grantedScopes == null || grantedScopes.containsAll(required);
    }

    /** Whether event streams of this session start with a priming event (SEP-1699, 2025-11-25 on). */
    public boolean usesPrimingEvents() {
        return ProtocolVersions.usesPrimingEvents(protocolVersion);
    }

    /** Whether the client declared {@code capability} (sampling, elicitation, roots) at initialize. */
    public boolean clientSupports(String capability) {
        return clientCapabilities.containsKey(capability);
    }

    public String toJson() {
        JsonObjectBuilder b = Jsons.createObjectBuilder().add("id", id).add("t", transport.wireName())
                .add("ci", clientInfo).add("cc", clientCapabilities).add("in", initialized).add("at", createdAt);
        if (adopted) {
            b.add("ad", true);
        }
        optional(b, "v", protocolVersion);
        optional(b, "ll", logLevel == null ? null : logLevel.wireName());
        optional(b, "p", principal);
        optional(b, "ss", standaloneStreamId);
        if (!subscriptions.isEmpty()) {
            JsonArrayBuilder a = Jsons.createArrayBuilder();
            subscriptions.forEach(a::add);
            b.add("sub", a);
        }
        return JsonRpc.write(b.build());
    }

    public static Session fromJson(String json) {
        JsonObject o = JsonRpc.parseObject(json);
        Set<String> subs = o.containsKey("sub")
                ? o.getJsonArray("sub").getValuesAs(JsonString.class).stream().map(JsonString::getString)
                        .collect(Collectors.toSet())
                : Set.of();
        String level = o.getString("ll", null);
        return new Session(o.getString("id"), Transport.fromWireName(o.getString("t")), o.getString("v", null), o.getJsonObject("ci"),
                o.getJsonObject("cc"), level == null ? null : LogLevel.parse(level), subs, o.getString("p", null),
                o.getString("ss", null), o.getBoolean("in"), o.getJsonNumber("at").longValue(),
                o.getBoolean("ad", false), null);
    }

    private static void optional(JsonObjectBuilder b, String key, String value) {
        if (value != null) {
            b.add(key, value);
        }
    }
}
