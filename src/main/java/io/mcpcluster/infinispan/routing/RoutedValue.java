package io.mcpcluster.infinispan.routing;

/**
 * The text format of entries that a listener delivers to one node: a header line
 * {@code target|origin|flag} then the payload. {@code target} is a node name or {@code *} (every
 * node); {@code origin} is the writer, which delivers to itself without the cache; {@code flag} is
 * {@code R} for a JSON-RPC response and {@code M} otherwise. Public, with {@link TargetNodeFilter}: on
 * WildFly this package is a static module of the server (wildfly-cli/README.md), not part of the WAR.
 */
public record RoutedValue(String target, String origin, boolean response, String payload) {
    public static final String EVERY_NODE = "*";

    public String encode() {
        return target + '|' + origin + '|' + (response ? 'R' : 'M') + '\n' + payload;
    }

    public static RoutedValue decode(String value) {
        int nl = value.indexOf('\n');
        int p1 = value.indexOf('|');
        int p2 = value.indexOf('|', p1 + 1);
        return new RoutedValue(value.substring(0, p1), value.substring(p1 + 1, p2), value.charAt(p2 + 1) == 'R',
                value.substring(nl + 1));
    }

    /** True when the node named {@code node} must handle {@code value} (cheap: reads the header only). */
    public static boolean isFor(String value, String node) {
        if (value == null) {
            return false;
        }
        int p1 = value.indexOf('|');
        int p2 = value.indexOf('|', p1 + 1);
        if (p1 < 0 || p2 < 0) {
            return false;
        }
        boolean targeted = value.regionMatches(0, node, 0, p1) && p1 == node.length()
                || (p1 == 1 && value.charAt(0) == '*');
        boolean fromElsewhere = !(p2 - p1 - 1 == node.length() && value.regionMatches(p1 + 1, node, 0, node.length()));
        return targeted && fromElsewhere;
    }
}
