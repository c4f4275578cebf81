package io.mcpcluster.console;

import jakarta.json.JsonObject;

import java.util.Optional;

/**
 * The console's hook for the MCP tasks extension: when a bean implements it, the console counts the
 * tasks executing on each node and finds a task by its id. Without one, the console shows no tasks.
 */
public interface TaskView {

    /** How many tasks this node is executing now. */
    long executingHere();

    /**
     * What the console shows of task {@code taskId} (status, the node executing it, timestamps), or empty
     * when no task has that id. Called on a worker thread; may read the cluster's caches.
     */
    Optional<JsonObject> find(String taskId);
}
