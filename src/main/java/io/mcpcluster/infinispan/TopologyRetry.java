package io.mcpcluster.infinispan;

import org.infinispan.commons.CacheException;
import org.infinispan.commons.TimeoutException;
import org.infinispan.partitionhandling.AvailabilityException;
import org.infinispan.remoting.transport.jgroups.SuspectException;
import org.infinispan.statetransfer.OutdatedTopologyException;

import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Runs a cache operation again when a member left or was suspected while it ran (ISPN000136 …
 * SuspectException): the view changes within a second or two and the operation then goes to the new
 * owners. Every write on the outbound path goes through here, so that a node's death never loses an
 * acknowledged message. Operations must be safe to repeat: puts of the same value, conditional
 * replaces that re-read, removes.
 */
final class TopologyRetry {
    private static final Logger LOG = Logger.getLogger(TopologyRetry.class.getName());
    private static final long[] BACKOFF_MILLIS = {20, 50, 100, 200, 400, 800, 1600};

    private TopologyRetry() {
    }

    static <T> T call(Supplier<T> operation) {
        for (int attempt = 0; ; attempt++) {
            try {
                return operation.get();
            } catch (CacheException e) {
                if (attempt >= BACKOFF_MILLIS.length || !causedByTopologyChange(e)) {
                    throw e;
                }
                int tries = attempt + 1;
                LOG.info(() -> "Cache operation interrupted by a topology change (" + e.getMessage()
                        + "); retry " + tries);
                pause(BACKOFF_MILLIS[attempt]);
            }
        }
    }

    static void run(Runnable operation) {
        call(() -> {
            operation.run();
            return null;
        });
    }

    private static boolean causedByTopologyChange(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SuspectException || t instanceof OutdatedTopologyException
                    || t instanceof AvailabilityException || t instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CacheException("Interrupted while waiting for a new cluster view", e);
        }
    }
}
