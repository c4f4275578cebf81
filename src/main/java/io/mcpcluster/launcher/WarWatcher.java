package io.mcpcluster.launcher;

import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Objects;

/**
 * The dev loop's redeploy ({@code ./dev serve --war}, {@code ./dev cluster start --war}): when the WAR
 * file changes, the web application is stopped and started again from it in the same JVM, which takes
 * seconds where a new JVM takes many more. Stopping it is the application's own orderly stop (it leaves
 * the cluster, listen streams end gracefully), so a cluster whose nodes are redeployed one at a time
 * keeps its sessions. The file is polled; a change is taken once it has stayed the same for one poll
 * ({@code ./dev} replaces it by a rename, another writer may still be writing). While the application
 * is down the node answers 503 with {@code Retry-After} ({@link #guard}), which the balancer retries on
 * another node; a WAR that fails to start leaves it so until the next change.
 */
final class WarWatcher implements Runnable {
    private static final long POLL_MILLIS = 500;

    private record Stamp(FileTime modified, long size) {
    }

    private final WebAppContext webapp;
    private final Path war;

    private WarWatcher(WebAppContext webapp, Path war) {
        this.webapp = webapp;
        this.war = war;
    }

    /**
     * The server's handler for a watched application: it, or a 503 while it is being redeployed (a stopped
     * context would answer 404, which a balancer does not retry).
     */
    static Handler guard(WebAppContext webapp) {
        return new Handler.Wrapper(webapp) {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                if (webapp.isStarted() && webapp.isAvailable()) {
                    return super.handle(request, response, callback);
                }
                response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
                Response.writeError(request, response, callback, HttpStatus.SERVICE_UNAVAILABLE_503);
                return true;
            }
        };
    }

    static void start(WebAppContext webapp, Path war) {
        Thread t = new Thread(new WarWatcher(webapp, war), "war-watcher");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void run() {
        Stamp deployed = stamp();
        Stamp seen = deployed;
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            Stamp now = stamp();
            if (now != null && now.equals(seen) && !now.equals(deployed)) {
                deployed = now;
                redeploy();
            }
            seen = now;
        }
    }

    private Stamp stamp() {
        try {
            return new Stamp(Files.getLastModifiedTime(war), Files.size(war));
        } catch (IOException e) {
            return null; // being replaced: look again at the next poll
        }
    }

    private void redeploy() {
        long started = System.nanoTime();
        System.out.println("mcp-cluster redeploying " + war + ": it changed");
        try {
            webapp.stop();
            webapp.start();
            if (webapp.getUnavailableException() != null) {
                throw new IllegalStateException(Objects.toString(webapp.getUnavailableException().getMessage()));
            }
            System.out.println("mcp-cluster redeployed " + war + " in " + (System.nanoTime() - started) / 1_000_000 + " ms");
        } catch (Exception e) {
            System.out.println("mcp-cluster redeploy of " + war + " failed (" + e + "); serving 503 until it changes again");
        }
    }
}
