package io.mcpcluster.demo;

import io.mcpcluster.api.McpLog;
import io.mcpcluster.api.OptionalFeature;
import io.mcpcluster.api.Progress;
import io.mcpcluster.api.Sampling;
import io.mcpcluster.api.Tool;
import io.mcpcluster.api.ToolArg;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** Demo tools: what a real MCP server built on mcp-cluster looks like. Enabled by {@code mcp.features=demo}. */
@ApplicationScoped
@OptionalFeature("demo")
public class TextTools {

    /** Returned as JSON text (a record is converted with JSON-B). */
    public record TextStats(int characters, int words, int lines, List<String> longestWords) {
    }

    public enum Unit { CELSIUS, FAHRENHEIT, KELVIN }

    @Tool(name = "text_stats", description = "Counts characters, words and lines of a text and finds its longest words")
    TextStats textStats(@ToolArg(description = "The text to analyse") String text,
                        @ToolArg(description = "How many longest words to return", defaultValue = "3") int top) {
        String[] words = text.isBlank() ? new String[0] : text.trim().split("\\s+");
        List<String> longest = Arrays.stream(words).distinct()
                .sorted((a, b) -> b.length() - a.length()).limit(Math.max(0, top)).toList();
        return new TextStats(text.length(), words.length, text.isEmpty() ? 0 : text.split("\\R", -1).length, longest);
    }

    @Tool(name = "convert_temperature", description = "Converts a temperature between Celsius, Fahrenheit and Kelvin")
    String convertTemperature(@ToolArg(description = "The value to convert") double value,
                              @ToolArg(description = "Unit of the value") Unit from,
                              @ToolArg(description = "Unit to convert to") Unit to) {
        double celsius = switch (from) {
            case CELSIUS -> value;
            case FAHRENHEIT -> (value - 32) * 5 / 9;
            case KELVIN -> value - 273.15;
        };
        double result = switch (to) {
            case CELSIUS -> celsius;
            case FAHRENHEIT -> celsius * 9 / 5 + 32;
            case KELVIN -> celsius + 273.15;
        };
        return String.format(java.util.Locale.ROOT, "%.2f %s = %.2f %s", value, from, result, to);
    }

    @Tool(name = "slow_count", description = "Counts to n, one step every delay ms, reporting progress and logging")
    String slowCount(@ToolArg(description = "Where to stop") int n,
                     @ToolArg(description = "Milliseconds between steps", required = false) Optional<Integer> delayMs,
                     Progress progress, McpLog log, io.mcpcluster.api.Cancellation cancellation)
            throws InterruptedException {
        for (int i = 1; i <= n; i++) {
            cancellation.skipProcessingIfCancelled();
            Thread.sleep(delayMs.orElse(10));
            progress.notify(i, n);
            if (i % 10 == 0) {
                log.info("Reached %d of %d", i, n);
            }
        }
        return "Counted to " + n;
    }

    @Tool(name = "list_roots", description = "Lists the file roots the client shares, one URI per line")
    CompletionStage<String> listRoots(io.mcpcluster.api.Roots roots) {
        return roots.list().thenApply(r -> r.getJsonArray("roots").getValuesAs(jakarta.json.JsonObject.class).stream()
                .map(root -> root.getString("uri")).collect(java.util.stream.Collectors.joining("\n")));
    }

    @Tool(name = "summarize", description = "Asks the client's model to summarize a text in one sentence")
    CompletionStage<String> summarize(@ToolArg(description = "The text to summarize") String text, Sampling sampling) {
        return sampling.createMessage("Summarize in one sentence:\n" + text, 200)
                .thenApply(r -> r.getJsonObject("content").getString("text", ""));
    }
}
