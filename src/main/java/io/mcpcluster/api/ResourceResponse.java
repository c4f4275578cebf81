package io.mcpcluster.api;

import java.util.List;

/** What a resource method returns when it has several contents. */
public record ResourceResponse(List<ResourceContents> contents) {
}
