package io.mcpcluster.cluster;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The handlers of this node, by signal type, for implementations of {@link ClusterSignals}: a signal
 * that arrives (on a listener thread) is handed to the executor and the caller returns at once.
 */
public final class SignalHandlers {
    private static final Logger LOG = Logger.getLogger(SignalHandlers.class.getName());

    private final Map<Signal.Type, List<Consumer<Signal>>> byType = new ConcurrentHashMap<>();
    private final Executor executor;

    public SignalHandlers(Executor executor) {
        this.executor = executor;
    }

    public void subscribe(Signal.Type type, Consumer<Signal> handler) {
        byType.computeIfAbsent(type, t -> new CopyOnWriteArrayList<>()).add(handler);
    }

    /** Hands {@code signal} to its handlers on the executor; never blocks. */
    public void dispatch(Signal signal) {
        List<Consumer<Signal>> handlers = byType.getOrDefault(signal.type(), List.of());
        if (handlers.isEmpty()) {
            return;
        }
        executor.execute(() -> {
            for (Consumer<Signal> handler : handlers) {
                try {
                    handler.accept(signal);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Signal " + signal.type() + " failed", e);
                }
            }
        });
    }
}
