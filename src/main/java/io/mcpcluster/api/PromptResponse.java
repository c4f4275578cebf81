package io.mcpcluster.api;

import java.util.List;

public record PromptResponse(String description, List<PromptMessage> messages) {
}
