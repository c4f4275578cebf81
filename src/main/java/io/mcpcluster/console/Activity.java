package io.mcpcluster.console;

import java.util.List;

/**
 * What this node answered, as the console plots it: totals since the node started (the console turns
 * them into rates) and the most recent errors. The one seam between the console and where the figures
 * come from: today {@link HttpActivity}, which counts HTTP answers; a metrics registry can stand in.
 */
public interface Activity {

    /** Requests answered by this node since it started; never decreases. */
    long requests();

    /** Of those, the ones answered with an error; never decreases. */
    long errors();

    /** The most recent errors of this node, newest first, at most {@code max}. */
    List<NodeSnapshot.RecentError> recentErrors(int max);
}
