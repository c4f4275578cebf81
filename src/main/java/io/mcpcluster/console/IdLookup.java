package io.mcpcluster.console;

import io.mcpcluster.cluster.Membership;
import io.mcpcluster.protocol.JsonRpc;
import io.mcpcluster.protocol.Jsons;
import io.mcpcluster.session.Session;
import io.mcpcluster.session.SessionStore;
import io.mcpcluster.sse.EventId;
import io.mcpcluster.stream.Event;
import io.mcpcluster.stream.EventLog;
import io.mcpcluster.stream.StreamRecord;
import io.mcpcluster.stream.StreamRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds what the cluster knows by an id an operator pastes: a session id, a stream id, an event id
 * ({@code <stream>.<seq>}, a {@code Last-Event-ID}) or a task id. For a session or stream it tells which
 * node holds the stream's connection now (and whether that node is still a member) and summarises its
 * recent events: kind, method or id, size; never their content. A few cache reads, on a worker thread.
 */
@ApplicationScoped
public class IdLookup {
    /** Ids this server issues are base64url, event ids add {@code .<seq>}; nothing else is looked up. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_\\-.:]{1,200}");
    static final int RECENT_EVENTS = 10;

    @Inject
    SessionStore sessions;
    @Inject
    StreamRegistry streams;
    @Inject
    EventLog events;
    @Inject
    Membership membership;
    @Inject
    Instance<TaskView> tasks;

    /** Whether {@code id} has the form of an id this server issues (else it is not looked up at all). */
    public static boolean wellFormed(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** What is known by {@code id}, or empty when nothing is. */
    public Optional<JsonObject> find(String id) {
        EventId event = EventId.parse(id);
        if (event != null) {
            return Optional.ofNullable(streams.find(event.streamId())).map(r -> stream(r).add("kind", "stream").build());
        }
        Optional<Session> session = sessions.find(id);
        if (session.isPresent()) {
            return Optional.of(session(session.get()));
        }
        StreamRecord record = streams.find(id);
        if (record != null) {
            return Optional.of(stream(record).add("kind", "stream").build());
        }
        return tasks.isResolvable() ? tasks.get().find(id).map(t -> Jsons.createObjectBuilder(t).add("kind", "task").build())
                : Optional.empty();
    }

    private JsonObject session(Session s) {
        JsonObjectBuilder b = Jsons.createObjectBuilder().add("kind", "session").add("id", s.id())
                .add("transport", s.transport().name().toLowerCase(java.util.Locale.ROOT))
                .add("initialized", s.initialized()).add("createdAt", s.createdAt())
                .add("client", s.clientInfo().getString("name", "") + " " + s.clientInfo().getString("version", ""));
        if (s.protocolVersion() != null) {
            b.add("protocolVersion", s.protocolVersion());
        }
        if (s.principal() != null) {
            b.add("principal", s.principal());
        }
        StreamRecord standalone = s.standaloneStreamId() == null ? null : streams.find(s.standaloneStreamId());
        if (standalone != null) {
            b.add("stream", stream(standalone));
        }
        return b.build();
    }

    private JsonObjectBuilder stream(StreamRecord r) {
        JsonObjectBuilder b = Jsons.createObjectBuilder().add("id", r.id()).add("session", r.sessionId())
                .add("streamKind", r.kind().name().toLowerCase(java.util.Locale.ROOT))
                .add("nextSeq", r.nextSeq()).add("owedResponses", r.unanswered().size());
        if (r.isHeld()) {
            b.add("holder", r.holder()).add("holderIsMember", membership.isMember(r.holder()));
        }
        if (r.orphanedSince() != 0) {
            b.add("orphanedSince", r.orphanedSince());
        }
        List<Event> recent = events.eventsAfter(r.id(), Math.max(0, r.nextSeq() - 1 - RECENT_EVENTS));
        JsonArrayBuilder list = Jsons.createArrayBuilder();
        for (int i = recent.size() - 1; i >= 0; i--) {
            list.add(summary(recent.get(i)));
        }
        return b.add("events", list);
    }

    /** What an event was, without what it said: its number, kind, method or answered id, error code, size. */
    static JsonObject summary(Event e) {
        JsonObject m = JsonRpc.parseObject(e.json());
        JsonObjectBuilder b = Jsons.createObjectBuilder().add("seq", e.seq()).add("bytes",
                e.json().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        if (m.containsKey("method")) {
            b.add("type", m.containsKey("id") ? "request" : "notification").add("method", m.getString("method", ""));
        } else {
            b.add("type", "response");
            JsonObject error = m.get("error") instanceof JsonObject o ? o : null;
            if (error != null) {
                b.add("error", error.getInt("code", 0));
            }
        }
        if (m.containsKey("id")) {
            b.add("id", m.get("id").toString());
        }
        return b.build();
    }
}
