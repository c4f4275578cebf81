package io.mcpcluster.protocol;

/**
 * How much structure one inbound JSON text may have, checked by {@link BoundedJson} while it parses.
 *
 * @param depth       nesting of arrays and objects (the top-level value is depth 1)
 * @param stringChars characters of one string or member name
 * @param entries     elements of one array, or members of one object
 */
public record JsonLimits(int depth, int stringChars, int entries) {
}
