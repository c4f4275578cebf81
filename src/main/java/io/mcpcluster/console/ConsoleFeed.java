package io.mcpcluster.console;

import io.mcpcluster.cluster.ClusterSignals;
import io.mcpcluster.cluster.Membership;
import io.mcpcluster.cluster.Signal;
import io.mcpcluster.config.AuthConfig;
import io.mcpcluster.config.ConsoleSettings;
import io.mcpcluster.config.ExecutionLimits;
import io.mcpcluster.dispatch.Subscriptions;
import io.mcpcluster.node.NodeExecutors;
import io.mcpcluster.session.SessionQuota;
import io.mcpcluster.sse.LocalStreams;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The live figures behind the console. Every {@code mcp.console.period.millis} this node reads its own
 * figures ({@link LocalFigures}) and publishes them to every other node as one
 * {@link Signal.Type#CONSOLE_SNAPSHOT} broadcast (one {@code mcp-signals} write of a few hundred bytes,
 * which each other node's listener reads); every node keeps what it receives in its {@link ClusterView}
 * and pushes that view to its own console pages. A page therefore never makes a node ask the others
 * anything: it reads what its node already holds. Off, publishing nothing, when nobody may view the
 * console ({@link ConsoleSettings#enabled}).
 */
@ApplicationScoped
public class ConsoleFeed {
    private static final Logger LOG = Logger.getLogger(ConsoleFeed.class.getName());
    /** How far back the charts go. */
    static final long WINDOW_MILLIS = 5 * 60_000L;

    /** One console page's event stream. Never blocks. */
    public interface Viewer {
        /** Writes one JSON event ({@code history} first, then {@code view} on every tick). */
        void send(String json);

        /** Ends the page's stream (the node stops). */
        void close();
    }

    @Inject
    ConsoleSettings settings;
    @Inject
    ExecutionLimits limits;
    @Inject
    AuthConfig auth;
    @Inject
    Membership membership;
    @Inject
    ClusterSignals signals;
    @Inject
    NodeExecutors executors;
    @Inject
    SessionQuota sessions;
    @Inject
    LocalStreams streams;
    @Inject
    Subscriptions subscriptions;
    @Inject
    Activity activity;
    @Inject
    Instance<TaskView> tasks;

    private ClusterView view;
    private ConsoleViewers viewers;
    private LocalFigures figures;
    private ScheduledFuture<?> ticking;

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        if (!enabled()) {
            return;
        }
        view = new ClusterView(membership.nodeName(), WINDOW_MILLIS, 3 * settings.periodMillis() + 1_000);
        viewers = new ConsoleViewers(settings.maxViewers());
        figures = new LocalFigures(membership.nodeName(), sessions, streams, subscriptions, executors.requests(),
                activity, () -> tasks.isResolvable() ? tasks.get().executingHere() : -1);
        signals.subscribe(Signal.Type.CONSOLE_SNAPSHOT, s -> view.record(
                NodeSnapshot.fromJson(s.payload().asJsonObject()), System.currentTimeMillis()));
        long period = settings.periodMillis();
        // The scheduler only hands over: a broadcast is a cache write, which belongs on a worker.
        ticking = executors.scheduler().scheduleAtFixedRate(() -> executors.workers().execute(this::tick),
                0, period, TimeUnit.MILLISECONDS);
    }

    /** Whether this node serves and feeds the console. */
    public boolean enabled() {
        return settings.enabled(limits, auth);
    }

    /** Whether this node feeds {@code mcp.console.viewers} pages already. */
    public boolean full() {
        return viewers == null || viewers.count() >= settings.maxViewers(); // off: no room at all
    }

    /**
     * Registers a page's stream and sends it the last minutes of every node first; returns what
     * unregisters it, or null when this node feeds {@code mcp.console.viewers} pages already.
     */
    public Runnable watch(Viewer viewer) {
        if (full()) {
            return null;
        }
        viewer.send(view.history(System.currentTimeMillis()).toString()); // before any tick can push a view
        return viewers.add(viewer);
    }

    private void tick() {
        try {
            long now = System.currentTimeMillis();
            view.members(membership.members(), now);
            NodeSnapshot mine = figures.read(now);
            view.record(mine, now);
            signals.broadcast(new Signal(Signal.Type.CONSOLE_SNAPSHOT, null, mine.toJson()));
            if (viewers.count() > 0) {
                viewers.push(view.view(now).toString());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.INFO, () -> "Console figures not published this time: " + e);
        }
    }

    @PreDestroy
    void stop() {
        if (ticking != null) {
            ticking.cancel(false);
            viewers.closeAll();
        }
    }
}
