package io.mcpcluster.it.clients;

import io.mcpcluster.it.support.LocalCluster;
import io.mcpcluster.it.support.NodeProcess;
import io.mcpcluster.it.support.Processes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The official TypeScript SDK v2 client ({@code tests-it/node/v2/client.mjs}, {@code @modelcontextprotocol/client})
 * in the 2026-07-28 era on three nodes: negotiating {@code auto} and pinned to 2026-07-28, it lands in the
 * modern era through the round-robin balancer and makes 200 checked calls; an MRTR elicitation round is
 * answered {@code input_required} by node 1 and completed by node 2 (each client on a node's own port).
 * From the server side: every call of the run was executed without a session, by every node.
 */
class TypeScriptSdk2ClientIT {
    private static final int CALLS = 200;
    /** traced_add logs this for each call; a stateless call has the session {@code null}. */
    private static final Pattern STATELESS_CALL = Pattern.compile("call null \\S+ start node=(\\S+)");

    static LocalCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = LocalCluster.start("ts-sdk2", 3, 3, Map.of());
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    @ParameterizedTest(name = "versionNegotiation {0}")
    @ValueSource(strings = {"auto", "pinned"})
    @Timeout(240)
    void landsInTheModernEraThroughTheBalancerAndCompletesAnMrtrRoundAcrossNodes(String mode) {
        List<Long> before = statelessCallsPerNode();
        Processes.Result r = Processes.run(List.of("node", "tests-it/node/v2/client.mjs", mode,
                cluster.balancer().url("/mcp"), cluster.node(0).url("/mcp"), cluster.node(1).url("/mcp"),
                String.valueOf(CALLS)), 180);
        System.out.println(r.output()); // the calls each node answered, in the test's output file
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("ts2-client OK mode=" + mode + " era=modern calls=" + CALLS), r.output());
        assertTrue(r.output().contains("mrtr=A->B"), r.output());
        List<Long> after = statelessCallsPerNode();
        long total = 0;
        for (int i = 0; i < 3; i++) {
            long served = after.get(i) - before.get(i);
            assertTrue(served > 0, "node " + (i + 1) + " executed none of the stateless calls: " + r.output());
            total += served;
        }
        assertEquals(CALLS, total, "calls executed without a session, as the nodes logged them");
    }

    private static List<Long> statelessCallsPerNode() {
        return java.util.stream.IntStream.range(0, 3).mapToObj(i -> countStateless(cluster.node(i))).toList();
    }

    private static long countStateless(NodeProcess node) {
        try (var lines = Files.lines(node.log())) {
            return lines.filter(l -> STATELESS_CALL.matcher(l).find()).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
