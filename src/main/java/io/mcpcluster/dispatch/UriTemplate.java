package io.mcpcluster.dispatch;

import io.mcpcluster.protocol.McpException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** RFC 6570 level 1 templates ({@code test://template/{id}/data}): each variable matches one path segment. */
public final class UriTemplate {
    private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z0-9_]+)}");

    private final String template;
    private final Pattern pattern;
    private final List<String> variables;

    public UriTemplate(String template) {
        this.template = template;
        List<String> names = new ArrayList<>();
        StringBuilder regex = new StringBuilder();
        Matcher m = VARIABLE.matcher(template);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(last, m.start()))).append("([^/?#]+)");
            names.add(m.group(1));
            last = m.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        if (template.indexOf('{', last) >= 0 || names.size() != names.stream().distinct().count()) {
            throw McpException.invalidParams("Unsupported URI template: " + template);
        }
        this.pattern = Pattern.compile(regex.toString());
        this.variables = List.copyOf(names);
    }

    public String template() {
        return template;
    }

    public List<String> variables() {
        return variables;
    }

    /** The variables of {@code uri}, or null when it does not match. */
    public Map<String, String> match(String uri) {
        Matcher m = pattern.matcher(uri);
        if (!m.matches()) {
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < variables.size(); i++) {
            values.put(variables.get(i), m.group(i + 1));
        }
        return values;
    }
}
