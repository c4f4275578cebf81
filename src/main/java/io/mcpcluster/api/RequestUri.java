package io.mcpcluster.api;

/** Injected into resource and resource-template methods: the URI the client asked for. */
public record RequestUri(String value) {
}
