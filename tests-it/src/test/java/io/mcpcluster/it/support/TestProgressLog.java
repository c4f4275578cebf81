package io.mcpcluster.it.support;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * Writes a line when a test class or a test starts and when it finishes, to
 * {@code target/test-progress/PID.log} of the test JVM (registered for every test JVM, unit and
 * integration, through {@code META-INF/services}). When the whole run outlives its time limit,
 * {@code .ci/run} prints the ones that started and never finished: the tests that hang.
 * <p>A line is tab-separated: time, {@code started} or {@code finished}, the JUnit unique id, a readable
 * name and, when finished, the result.
 */
public final class TestProgressLog implements TestExecutionListener {
    private final Path file = Path.of(System.getProperty("basedir", "."), "target", "test-progress",
            ProcessHandle.current().pid() + ".log");

    @Override
    public void executionStarted(TestIdentifier test) {
        write(test, "started", "");
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        write(test, "finished", result.getStatus().name());
    }

    private synchronized void write(TestIdentifier test, String event, String result) {
        if (test.getParentId().isEmpty()) {
            return; // the engine itself
        }
        String line = String.join("\t", Instant.now().toString(), event, test.getUniqueId(), name(test), result);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, line + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code Class.method} (plus the display name of a parameterized invocation), or the class name. */
    static String name(TestIdentifier test) {
        Object source = test.getSource().orElse(null);
        if (source instanceof MethodSource m) {
            String name = m.getClassName() + "." + m.getMethodName();
            return test.getDisplayName().startsWith(m.getMethodName() + "(") ? name : name + " " + test.getDisplayName();
        }
        if (source instanceof ClassSource c) {
            return c.getClassName();
        }
        return test.getDisplayName();
    }
}
