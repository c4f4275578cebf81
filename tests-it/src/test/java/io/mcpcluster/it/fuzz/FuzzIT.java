package io.mcpcluster.it.fuzz;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The bounded fuzz run of the suite: {@value #CASES} seeded hostile requests (bodies, headers, query
 * strings, event ids; both eras and the legacy transport) against a real node, with a bystander session
 * checked every {@value FuzzRun#BATCH} cases. Zero failures expected: no 5xx, no stack trace or class
 * name, no hang, no disturbed bystander. {@code ./dev fuzz} runs 100,000 of the same sequence.
 * {@code -Dmcp.fuzz.seed} and {@code -Dmcp.fuzz.cases} pick another run.
 */
class FuzzIT {
    private static final int CASES = 3_000;

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void hostileRequestsGetNoServerErrorNoInternalsNoHangAndLeaveABystanderServed() {
        long seed = Long.getLong("mcp.fuzz.seed", FuzzMain.DEFAULT_SEED);
        long cases = Long.getLong("mcp.fuzz.cases", CASES);
        FuzzReport report = new FuzzReport(FuzzMain.failuresFile("it-", seed));
        try (FuzzedNode node = new FuzzedNode()) {
            new FuzzRun(node, report, System.out::println).run(new CaseGenerator(seed), 0, cases);
        }
        System.out.println(report.summary());
        assertEquals(0, report.failures(), report.summary());
    }
}
