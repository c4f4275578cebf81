package io.mcpcluster.it.fuzz;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The generator alone: a case is a function of seed and index, and no case carries what the oracle looks for. */
class CaseGeneratorTest {
    private static final int CASES = 1_000;

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void theSameSeedAndIndexGiveTheSameCaseAndAnotherSeedAnother() {
        CaseGenerator a = new CaseGenerator(13);
        CaseGenerator b = new CaseGenerator(13);
        for (long i = 0; i < 200; i++) {
            assertEquals(a.generate(i), b.generate(i));
        }
        assertNotEquals(a.generate(7), new CaseGenerator(14).generate(7));
    }

    /** About 40 MB of text to scan (strings up to 5 MB): a minute or more on a loaded 2-core machine. */
    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void noCaseContainsAClassNameOrStackFrameSoAnEchoIsNeverTakenForALeak() {
        CaseGenerator generator = new CaseGenerator(13);
        Set<String> kinds = new HashSet<>();
        for (long i = 0; i < CASES; i++) {
            FuzzCase c = generator.generate(i);
            kinds.add(c.kind().split("/")[0]);
            String text = c.path() + c.headers() + (c.body() == null ? "" : c.body());
            assertTrue(Oracle.leaks(text).isEmpty(), () -> "case " + c.index() + " " + Oracle.leaks(text));
        }
        assertEquals(Set.of("session", "modern", "raw-body", "stream-get", "delete", "legacy-connect",
                "legacy-message", "path"), kinds);
    }

    @Test
    void aRecordedCaseReadsBackUnchanged() {
        FuzzCase c = new CaseGenerator(13).generate(42);
        assertEquals(c, FuzzCase.fromJson(c.toJson()));
    }

    @Test
    void theOracleSeesATraceAClassNameAndA5xxButNotPlainJsonRpcErrors() {
        assertEquals(2, Oracle.leaks("java.lang.IllegalStateException: x\n\tat io.mcpcluster.A.b(A.java:3)").size());
        assertTrue(Oracle.leaks("{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32700,\"message\":\"Parse error\"}}")
                .isEmpty());
        assertTrue(Oracle.leaks("HTTP/1.1 400 Bad Request\r\nServer: Jetty(12.1.14)\r\n\r\n").isEmpty());
        FuzzHttp.Answer error = new FuzzHttp.Answer(502, "HTTP/1.1 502 Bad Gateway\r\n\r\n", "", false, null);
        assertEquals("5xx", Oracle.judge(error).get(0).kind());
    }
}
