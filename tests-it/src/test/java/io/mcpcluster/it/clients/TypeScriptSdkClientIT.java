package io.mcpcluster.it.clients;

import io.mcpcluster.it.support.NodeProcess;
import io.mcpcluster.it.support.Processes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The official TypeScript SDK client ({@code tests-it/node/client.mjs}) against a real node: 100 checked
 * tool calls, progress, sampling, resources, prompts and completion, over both transports.
 */
class TypeScriptSdkClientIT {
    static NodeProcess node;

    @BeforeAll
    static void startNode() {
        node = NodeProcess.start("ts-sdk", Map.of());
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    @ParameterizedTest(name = "{0} x{2} sessions")
    @CsvSource({"streamable,/mcp,1", "sse,/sse,1", "streamable,/mcp,5", "sse,/sse,5"})
    void everyAnswerIsCorrect(String transport, String path, int sessions) {
        Processes.Result r = Processes.run(List.of("node", "tests-it/node/client.mjs", node.url(path), transport, "100",
                String.valueOf(sessions)), 180);
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("ts-client OK transport=" + transport + " sessions=" + sessions
                + " calls=" + 100 * sessions), r.output());
    }
}
