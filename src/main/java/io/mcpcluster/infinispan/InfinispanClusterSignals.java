package io.mcpcluster.infinispan;

import io.mcpcluster.cluster.ClusterSignals;
import io.mcpcluster.cluster.Signal;
import io.mcpcluster.cluster.SignalHandlers;
import io.mcpcluster.infinispan.routing.RoutedValue;
import io.mcpcluster.infinispan.routing.TargetNodeFilter;
import io.mcpcluster.session.Ids;
import org.infinispan.AdvancedCache;
import org.infinispan.Cache;
import org.infinispan.context.Flag;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Signals as entries of the {@code signals} cache, addressed to one node or to all; each node's one
 * clustered listener (filtered where the entry is written) picks up what is addressed to it.
 */
final class InfinispanClusterSignals implements ClusterSignals {
    /** A signal is acted on at once or never: the entry only has to outlive its delivery. */
    private static final long SIGNAL_LIFESPAN_SECONDS = 60;

    private final String nodeName;
    private final AdvancedCache<String, String> signals;
    private final SignalHandlers handlers;
    private final RoutedEntryListener listener = new RoutedEntryListener(this::onEntry);

    InfinispanClusterSignals(String nodeName, Cache<String, String> signals, SignalHandlers handlers) {
        this.nodeName = nodeName;
        this.signals = signals.getAdvancedCache().withFlags(Flag.IGNORE_RETURN_VALUES);
        this.handlers = handlers;
    }

    CompletionStage<Void> start() {
        return signals.addListenerAsync(listener, new TargetNodeFilter(nodeName), null);
    }

    void stop() {
        signals.removeListener(listener);
    }

    @Override
    public void send(String node, Signal signal) {
        if (nodeName.equals(node)) {
            handlers.dispatch(signal);
        } else {
            put(node, signal);
        }
    }

    @Override
    public void broadcast(Signal signal) {
        handlers.dispatch(signal);
        put(RoutedValue.EVERY_NODE, signal);
    }

    @Override
    public void subscribe(Signal.Type type, Consumer<Signal> handler) {
        handlers.subscribe(type, handler);
    }

    private void put(String target, Signal signal) {
        signals.putAsync(Ids.random(), new RoutedValue(target, nodeName, false, signal.toJson()).encode(),
                SIGNAL_LIFESPAN_SECONDS, TimeUnit.SECONDS);
    }

    private void onEntry(String key, RoutedValue value) {
        handlers.dispatch(Signal.fromJson(value.payload()));
    }
}
