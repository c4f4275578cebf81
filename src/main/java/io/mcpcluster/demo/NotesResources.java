package io.mcpcluster.demo;

import io.mcpcluster.protocol.ErrorCodes;
import io.mcpcluster.api.CacheHint;
import io.mcpcluster.api.CompletePrompt;
import io.mcpcluster.api.CompleteResourceTemplate;
import io.mcpcluster.api.Prompt;
import io.mcpcluster.api.PromptArg;
import io.mcpcluster.api.PromptMessage;
import io.mcpcluster.api.RequiresScopes;
import io.mcpcluster.api.Resource;
import io.mcpcluster.api.ResourceTemplate;
import io.mcpcluster.api.TextContent;
import io.mcpcluster.api.McpFeatures;
import io.mcpcluster.api.OptionalFeature;
import io.mcpcluster.api.Tool;
import io.mcpcluster.api.ToolArg;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;

/**
 * Demo resources, a template with completion, and a prompt with completion. The notes never change
 * while the server runs: 2026-07-28 clients and shared caches may keep them five minutes, the readme an hour.
 */
@ApplicationScoped
@OptionalFeature("demo")
@CacheHint(ttlMs = 300_000, scope = CacheHint.Scope.PUBLIC)
public class NotesResources {
    private static final Map<String, String> NOTES = Map.of(
            "architecture", "Sessions and event logs live in Infinispan; any node serves any request.",
            "operations", "Nodes may die: clients resume their streams on another node with Last-Event-ID.",
            "security", "Origin and Host are checked; session ids are 128-bit random.");

    @Resource(uri = "demo://readme", name = "readme", description = "What this demo server offers",
            mimeType = "text/markdown")
    @CacheHint(ttlMs = 3_600_000, scope = CacheHint.Scope.PUBLIC)
    String readme() {
        return "# mcp-cluster demo\nTools: text_stats, convert_temperature, slow_count, summarize.\n"
                + "Resources: demo://readme, demo://notes/{topic}.";
    }

    @ResourceTemplate(uriTemplate = "demo://notes/{topic}", name = "note", description = "A short note on a topic",
            mimeType = "text/plain")
    String note(String topic) {
        String note = NOTES.get(topic);
        if (note == null) {
            throw new io.mcpcluster.protocol.McpException(io.mcpcluster.protocol.ErrorCodes.RESOURCE_NOT_FOUND,
                    "No note on " + topic);
        }
        return note;
    }

    @Inject
    McpFeatures features;

    // Changing notes needs a scope of its own when authorization is on (mcp.auth.mode): see docs/SECURITY.md.
    @RequiresScopes("notes:write")
    @Tool(name = "touch_note", description = "Tells every client subscribed to demo://notes/{topic} that it changed")
    String touchNote(@ToolArg(description = "architecture, operations or security") String topic) {
        features.resourceUpdated("demo://notes/" + topic);
        return "Notified subscribers of demo://notes/" + topic;
    }

    @CompleteResourceTemplate("note")
    List<String> completeTopic(String topic) {
        return NOTES.keySet().stream().filter(t -> t.startsWith(topic)).sorted().toList();
    }

    @Prompt(name = "explain_topic", description = "Asks the model to explain one of the notes")
    PromptMessage explain(@PromptArg(description = "architecture, operations or security") String topic) {
        return PromptMessage.withUserRole(new TextContent("Explain this to a new engineer: "
                + NOTES.getOrDefault(topic, topic)));
    }

    @CompletePrompt("explain_topic")
    List<String> completeExplain(String topic) {
        return completeTopic(topic);
    }
}
