package io.mcpcluster.it.cluster;

import io.mcpcluster.baseline.JavaSdkBaselineServer;
import io.mcpcluster.it.support.EventStream;
import io.mcpcluster.it.support.Nginx;
import io.mcpcluster.it.support.NodeProcess;
import io.mcpcluster.it.support.RawHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The documented baseline, not a failure of ours: the seed scenario of {@code BalancerIT} against three
 * MCP Java SDK servers (sessions in memory) behind the same nginx round-robin. POSTs that land on
 * a node that did not open the stream get {@code 404}, and their responses never arrive. The figures
 * go to {@code target/baseline-java-sdk.txt}; the test asserts that the failure mode is really there.
 */
class JavaSdkBaselineIT {
    static List<NodeProcess> servers;
    static Nginx nginx;

    @BeforeAll
    static void start() {
        servers = IntStream.range(0, 3).parallel().mapToObj(i -> NodeProcess.startTestMain("java-sdk-baseline-" + i,
                "io.mcpcluster.baseline.JavaSdkBaselineServer", "java-sdk-baseline listening")).toList();
        nginx = Nginx.start(servers.stream().map(NodeProcess::port).toList());
    }

    @AfterAll
    static void stop() {
        if (nginx != null) {
            nginx.close();
        }
        servers.forEach(NodeProcess::close);
    }

    @Test
    void inMemorySessionsBehindRoundRobinLoseMostRequests() throws IOException {
        int port = nginx.port();
        int accepted = 0;
        int notFound = 0;
        int answered = 0;
        try (EventStream stream = RawHttp.open(port, "GET", "/sse", Map.of("Accept", "text/event-stream"), null)) {
            String endpoint = stream.nextFrame(5_000).split("data:")[1].trim();
            Map<String, String> json = Map.of("Content-Type", "application/json");
            postUntilNot404(port, endpoint, "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\","
                    + "\"params\":{\"protocolVersion\":\"2024-11-05\",\"capabilities\":{},\"clientInfo\":"
                    + "{\"name\":\"seed\",\"version\":\"1\"}}}");
            stream.nextData(5_000);
            // The SDK parks requests until notifications/initialized: retry it until it lands on the right node.
            postUntilNot404(port, endpoint, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
            for (int i = 1; i <= 200; i++) {
                int status = RawHttp.send(port, "POST", endpoint, json, "{\"jsonrpc\":\"2.0\",\"id\":" + i
                        + ",\"method\":\"ping\"}").status();
                if (status == 202 || status == 200) {
                    accepted++;
                } else if (status == 404) {
                    notFound++;
                }
            }
            answered = stream.remainingData(2_000, 60_000).size();
        }
        String report = String.format("Java SDK %s x3 behind nginx round-robin, legacy SSE, 200 POSTs: "
                + "%d accepted, %d answered 404, %d responses received%n", JavaSdkBaselineServer.SDK_VERSION, accepted,
                notFound, answered);
        Files.writeString(NodeProcess.root().resolve("target/baseline-java-sdk.txt"), report);
        System.out.print(report);
        assertTrue(notFound > 100, report);
        assertTrue(answered < 100, report);
    }

    /** POSTs {@code body} until a node other than a 404 one takes it: round robin reaches it within a few tries. */
    private static void postUntilNot404(int port, String endpoint, String body) {
        for (int attempt = 0; attempt < 30; attempt++) {
            if (RawHttp.send(port, "POST", endpoint, Map.of("Content-Type", "application/json"), body).status() != 404) {
                return;
            }
        }
        throw new AssertionError("30 POSTs in a row answered 404: " + body);
    }
}
