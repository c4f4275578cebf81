package io.mcpcluster.formats;

import io.mcpcluster.cluster.Signal;
import io.mcpcluster.infinispan.routing.RoutedValue;
import io.mcpcluster.protocol.JsonRpc;
import io.mcpcluster.session.Session;
import io.mcpcluster.session.Transport;
import io.mcpcluster.stream.StreamKind;
import io.mcpcluster.stream.StreamRecord;
import jakarta.json.JsonString;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Values of format version 1 (docs/FORMATS.md) as the previous release wrote them: each string below was
 * printed by the classes of commit 99a816b ({@code mcp.previous.release}), from objects with every
 * optional member set. This build reads each one, and writes what it read back as the same JSON: a node of
 * the previous release may read it next, during a rolling upgrade or its roll-back. A change of format
 * fails here; it needs a new version in docs/FORMATS.md and a mixed mode, not a new fixture.
 */
class PreviousReleaseValuesTest {
    static final String SESSION = "{\"id\":\"sEsSiOn0123456789abcdE\",\"t\":\"streamable\",\"ci\":{\"name\":\"c\",\"version\":\"1\"},"
            + "\"cc\":{\"sampling\":{}},\"in\":true,\"at\":1796591246887,\"v\":\"2025-11-25\",\"ll\":\"warning\","
            + "\"p\":\"https://issuer.example#alice\",\"ss\":\"sTrEaM0123456789abcdeF\",\"sub\":[\"demo://notes/a\"]}";
    static final String ADOPTED_LEGACY_SESSION = "{\"id\":\"lEgAcY0123456789abcdeF\",\"t\":\"sse\",\"ci\":{},\"cc\":{},"
            + "\"in\":true,\"at\":1796591249037,\"ad\":true,\"v\":\"2024-11-05\"}";
    static final String NEW_STREAM = "{\"s\":\"sEsSiOn0123456789abcdE\",\"k\":\"POST\",\"h\":\"node1\",\"n\":1,"
            + "\"u\":{\"\\\"a\\\"\":\"node2\",\"7\":\"node1\"},\"t\":1796591249038}";
    static final String ORPHANED_STREAM = "{\"s\":\"sEsSiOn0123456789abcdE\",\"k\":\"POST\",\"h\":\"\",\"n\":3,"
            + "\"u\":{\"8\":\"node3\",\"\\\"a\\\"\":\"node2\"},\"t\":1796591264130,\"o\":1796591264130,\"d\":2,"
            + "\"r\":{\"2\":[\"7\",\"node1\",1796591264130]}}";
    static final String ROUTED_EVENT = "node1|node2|R\n{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":{}}";
    static final String SIGNAL = "{\"t\":\"CANCEL\",\"s\":\"sEsSiOn0123456789abcdE\",\"p\":\"7\"}";

    @Test
    void readsAndRewritesASessionWithEveryMember() {
        Session s = Session.fromJson(SESSION);
        assertEquals("sEsSiOn0123456789abcdE", s.id());
        assertEquals(Transport.STREAMABLE, s.transport());
        assertEquals("2025-11-25", s.protocolVersion());
        assertEquals("https://issuer.example#alice", s.principal());
        assertEquals("sTrEaM0123456789abcdeF", s.standaloneStreamId());
        assertEquals(Set.of("demo://notes/a"), s.subscriptions());
        assertTrue(s.clientSupports("sampling"));
        assertSameJson(SESSION, s.toJson());
    }

    @Test
    void readsAndRewritesAnAdoptedLegacySession() {
        Session s = Session.fromJson(ADOPTED_LEGACY_SESSION);
        assertEquals(Transport.LEGACY_SSE, s.transport());
        assertEquals(null, s.principal());
        assertSameJson(ADOPTED_LEGACY_SESSION, s.toJson());
    }

    @Test
    void readsAndRewritesStreamRecords() {
        StreamRecord open = StreamRecord.fromJson("sTrEaM0123456789abcdeF", NEW_STREAM);
        assertEquals(StreamKind.POST, open.kind());
        assertEquals("node1", open.holder());
        assertEquals(Map.of("7", "node1", "\"a\"", "node2"), open.unanswered());
        assertSameJson(NEW_STREAM, open.toJson());

        StreamRecord orphaned = StreamRecord.fromJson("sTrEaM0123456789abcdeF", ORPHANED_STREAM);
        assertFalse(orphaned.isHeld());
        assertEquals(3, orphaned.nextSeq());
        assertEquals(1796591264130L, orphaned.orphanedSince());
        assertEquals(2, orphaned.delivered());
        assertEquals(new StreamRecord.Answer("7", "node1", 1796591264130L), orphaned.recentAnswers().get(2L));
        assertSameJson(ORPHANED_STREAM, orphaned.toJson());
    }

    @Test
    void readsAndRewritesARoutedEventAndASignal() {
        RoutedValue event = RoutedValue.decode(ROUTED_EVENT);
        assertEquals("node1", event.target());
        assertEquals("node2", event.origin());
        assertTrue(event.response());
        assertTrue(RoutedValue.isFor(ROUTED_EVENT, "node1"));
        assertEquals(ROUTED_EVENT, event.encode());

        Signal signal = Signal.fromJson(SIGNAL);
        assertEquals(Signal.Type.CANCEL, signal.type());
        assertEquals("7", ((JsonString) signal.payload()).getString());
        assertSameJson(SIGNAL, signal.toJson());
    }

    /** The same JSON value: members in any order (the previous release writes maps in hash order too). */
    private static void assertSameJson(String expected, String actual) {
        assertEquals(JsonRpc.parseObject(expected), JsonRpc.parseObject(actual), actual);
    }
}
