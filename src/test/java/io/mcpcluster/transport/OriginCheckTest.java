package io.mcpcluster.transport;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OriginCheckTest {
    private final OriginCheck defaults = new OriginCheck(Set.of(), Set.of());

    @Test
    void allowsLoopbackHostsWithAnyPort() {
        assertTrue(defaults.hostAllowed("127.0.0.1:8080"));
        assertTrue(defaults.hostAllowed("localhost"));
        assertTrue(defaults.hostAllowed("[::1]:9000"));
    }

    @Test
    void rejectsOtherHostsAndAMissingHost() {
        assertFalse(defaults.hostAllowed("evil.example.com"));
        assertFalse(defaults.hostAllowed("127.0.0.1.evil.example.com:80"));
        assertFalse(defaults.hostAllowed(null));
    }

    @Test
    void allowsAbsentOriginAndLoopbackOriginsOnly() {
        assertTrue(defaults.originAllowed(null));
        assertTrue(defaults.originAllowed("http://localhost:3000"));
        assertTrue(defaults.originAllowed("http://127.0.0.1:8080"));
        assertFalse(defaults.originAllowed("http://evil.example.com"));
        assertFalse(defaults.originAllowed("null"));
        assertFalse(defaults.originAllowed("file://localhost"));
    }

    @Test
    void allowsConfiguredHostsAndOrigins() {
        OriginCheck c = new OriginCheck(Set.of("mcp.example.com"), Set.of("https://app.example.com"));
        assertTrue(c.hostAllowed("MCP.example.com:443"));
        assertTrue(c.originAllowed("https://app.example.com"));
        assertFalse(c.originAllowed("https://other.example.com"));
        assertTrue(new OriginCheck(Set.of("*"), Set.of("*")).hostAllowed("anything"));
    }

    @Test
    void comparesAcceptPreferenceByQualityThenOrder() {
        assertTrue(AcceptHeader.prefers("text/event-stream, application/json", "text/event-stream", "application/json"));
        assertFalse(AcceptHeader.prefers("application/json, text/event-stream", "text/event-stream", "application/json"));
        assertFalse(AcceptHeader.prefers("text/event-stream;q=0.5, application/json", "text/event-stream", "application/json"));
        assertTrue(AcceptHeader.accepts("*/*", "text/event-stream"));
        assertTrue(AcceptHeader.accepts("application/*", "application/json"));
        assertFalse(AcceptHeader.accepts("application/json", "text/event-stream"));
    }
}
