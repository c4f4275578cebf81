package io.mcpcluster.infinispan.routing;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RoutedValueTest {

    @Test
    void roundTripsHeaderAndPayload() {
        RoutedValue v = new RoutedValue("node-a", "node-b", true, "{\"x\":\"a|b\\nc\"}");
        assertEquals(v, RoutedValue.decode(v.encode()));
    }

    @Test
    void deliversOnlyToTheTargetAndNeverBackToTheWriter() {
        String forA = new RoutedValue("node-a", "node-b", false, "{}").encode();
        assertTrue(RoutedValue.isFor(forA, "node-a"));
        assertFalse(RoutedValue.isFor(forA, "node-b"));
        assertFalse(RoutedValue.isFor(forA, "node-ab"));
        assertFalse(RoutedValue.isFor(forA, "node-"));
        String broadcast = new RoutedValue("*", "node-b", false, "{}").encode();
        assertTrue(RoutedValue.isFor(broadcast, "node-a"));
        assertFalse(RoutedValue.isFor(broadcast, "node-b"));
        assertFalse(RoutedValue.isFor(null, "node-a"));
    }
}
