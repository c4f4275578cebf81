package io.mcpcluster.it.fuzz;

import io.mcpcluster.it.support.NodeProcess;

import java.util.Map;

/** The node the fuzzer hits: a real node JVM on 127.0.0.1 with the demo and conformance features. */
final class FuzzedNode implements FuzzRun.Node, AutoCloseable {
    private NodeProcess process = NodeProcess.start("fuzz", Map.of());

    @Override
    public int port() {
        return process.port();
    }

    @Override
    public void restart() {
        process.close();
        process = NodeProcess.start("fuzz", Map.of());
    }

    @Override
    public void close() {
        process.close();
    }
}
