package io.mcpcluster.console;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecentErrorsTest {

    @Test
    void keepsTheNodesRefusalsAndWarningsFromItsLogNewestFirstAndBounded() {
        RecentErrors recent = new RecentErrors();
        recent.listenToLogs();
        try {
            Logger.getLogger("io.mcpcluster.transport.HttpReplies").info("POST /mcp -> 404 -32001 Session not found");
            Logger.getLogger("io.mcpcluster.stream.Streams").info("an ordinary line");
            Logger.getLogger("io.mcpcluster.stream.Streams").log(Level.WARNING, "Stream {0} dropped", "abc");
            Logger.getLogger("org.elsewhere.Library").severe("not the product's");
            List<NodeSnapshot.RecentError> newest = recent.newest(5);
            assertEquals(List.of("WARNING Streams: Stream abc dropped", "POST /mcp -> 404 -32001 Session not found"),
                    newest.stream().map(NodeSnapshot.RecentError::text).toList());

            Logger warnings = Logger.getLogger("io.mcpcluster.dispatch.Somewhere");
            for (int i = 0; i < 30; i++) {
                warnings.warning("x".repeat(1000));
            }
            assertEquals(20, recent.newest(100).size(), "the last 20 only");
            assertTrue(recent.newest(1).get(0).text().length() <= RecentErrors.MAX_TEXT);
        } finally {
            recent.stopListening();
        }
        Logger.getLogger("io.mcpcluster.transport.HttpReplies").info("after it stopped listening");
        assertTrue(recent.newest(1).get(0).text().startsWith("WARNING Somewhere"));
    }
}
