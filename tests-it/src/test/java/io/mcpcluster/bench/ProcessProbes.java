package io.mcpcluster.bench;

import io.mcpcluster.it.support.Processes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the benchmark reads from a running JVM and the machine: heap after a GC, threads, a command's output. */
final class ProcessProbes {
    private ProcessProbes() {
    }

    static long usedHeapAfterGc(long pid) throws Exception {
        run("jcmd", String.valueOf(pid), "GC.run");
        String info = run("jcmd", String.valueOf(pid), "GC.heap_info");
        // "garbage-first heap   total 262144K, used 41234K"
        int at = info.indexOf("used ");
        String used = info.substring(at + 5, info.indexOf('K', at));
        return Long.parseLong(used.trim()) * 1024;
    }

    static int threads(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("Threads:")) {
                return Integer.parseInt(line.substring(8).trim());
            }
        }
        return -1;
    }

    static String run(String... cmd) throws Exception {
        Processes.Result r = Processes.run(List.of(cmd), 60);
        if (r.exitCode() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed: " + r.output());
        }
        return r.output();
    }
}
