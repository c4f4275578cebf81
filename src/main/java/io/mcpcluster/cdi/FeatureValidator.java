package io.mcpcluster.cdi;

import io.mcpcluster.api.CompletePrompt;
import io.mcpcluster.api.CompleteResourceTemplate;
import io.mcpcluster.api.Resource;
import io.mcpcluster.api.ResourceTemplate;
import io.mcpcluster.dispatch.UriTemplate;
import io.mcpcluster.protocol.McpException;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The deployment-time rules of annotated feature methods; each message names {@code Class#method}. */
final class FeatureValidator {
    /** RFC 9110 {@code 1*tchar}. */
    private static final Pattern HEADER_TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    private FeatureValidator() {
    }

    static List<String> validate(List<FeatureMethod> methods) {
        List<String> problems = new ArrayList<>();
        Map<String, String> tools = new HashMap<>();
        Map<String, Set<String>> promptArgs = new HashMap<>();
        Map<String, Set<String>> templateVars = new HashMap<>();
        Set<String> resources = new HashSet<>();
        for (FeatureMethod fm : methods) {
            Method m = fm.method();
            if (Modifier.isPrivate(m.getModifiers()) || Modifier.isStatic(m.getModifiers())) {
                problems.add(String.format("%s must be neither private nor static", fm.describe()));
            }
            List<ParamSpec> params = FeatureModels.params(m);
            params.stream().filter(ParamSpec::isUnnamed).findFirst().ifPresent(p -> problems.add(String.format(
                    "%s has an unnamed parameter: compile with -parameters or name it in its annotation",
                    fm.describe())));
            switch (fm.kind()) {
                case TOOL -> {
                    String name = FeatureModels.toolName(fm);
                    String other = tools.put(name, fm.describe());
                    if (other != null) {
                        problems.add(String.format("Duplicate tool name %s: %s and %s", name, other, fm.describe()));
                    }
                    validateHeaders(fm, params, problems);
                }
                case PROMPT -> {
                    Set<String> args = new HashSet<>();
                    for (ParamSpec p : params) {
                        if (!p.isContext()) {
                            args.add(p.name());
                            if (p.type() != String.class && !p.type().getTypeName().equals(
                                    Optional.class.getName() + "<" + String.class.getName() + ">")) {
                                problems.add(String.format("Prompt argument %s of %s must be a String",
                                        p.name(), fm.describe()));
                            }
                        }
                    }
                    if (promptArgs.put(FeatureModels.promptName(fm), args) != null) {
                        problems.add(String.format("Duplicate prompt name %s: %s", FeatureModels.promptName(fm),
                                fm.describe()));
                    }
                }
                case RESOURCE -> {
                    if (!resources.add(fm.annotation(Resource.class).uri())) {
                        problems.add(String.format("Duplicate resource URI %s: %s", fm.annotation(Resource.class).uri(),
                                fm.describe()));
                    }
                }
                case RESOURCE_TEMPLATE -> validateTemplate(fm, params, templateVars, problems);
                default -> {
                }
            }
        }
        for (FeatureMethod fm : methods) {
            if (fm.kind() == FeatureMethod.Kind.COMPLETE_PROMPT) {
                validateCompletion(fm, fm.annotation(CompletePrompt.class).value(), promptArgs, "Prompt", problems);
            } else if (fm.kind() == FeatureMethod.Kind.COMPLETE_TEMPLATE) {
                validateCompletion(fm, fm.annotation(CompleteResourceTemplate.class).value(), templateVars,
                        "Resource template", problems);
            }
        }
        return problems;
    }

    /** {@code @ToolArg(header)}: an HTTP token, unique per tool regardless of case, on a string, integer or boolean. */
    private static void validateHeaders(FeatureMethod fm, List<ParamSpec> params, List<String> problems) {
        Set<String> seen = new HashSet<>();
        for (ParamSpec p : params) {
            if (p.header() == null) {
                continue;
            }
            if (!HEADER_TOKEN.matcher(p.header()).matches()) {
                problems.add(String.format("Header %s of argument %s of %s is not an HTTP token", p.header(), p.name(),
                        fm.describe()));
            }
            if (!seen.add(p.header().toLowerCase(Locale.ROOT))) {
                problems.add(String.format("Header %s of %s is used twice (header names ignore case)", p.header(),
                        fm.describe()));
            }
            String type = JsonSchemaGenerator.schemaFor(p.type()).getString("type", "");
            if (!List.of("string", "integer", "boolean").contains(type)) {
                problems.add(String.format("Argument %s of %s has a header but is not a string, integer or boolean",
                        p.name(), fm.describe()));
            }
        }
    }

    private static void validateTemplate(FeatureMethod fm, List<ParamSpec> params, Map<String, Set<String>> templateVars,
                                         List<String> problems) {
        ResourceTemplate rt = fm.annotation(ResourceTemplate.class);
        try {
            UriTemplate t = new UriTemplate(rt.uriTemplate());
            templateVars.put(FeatureModels.templateName(fm), Set.copyOf(t.variables()));
            templateVars.put(rt.uriTemplate(), Set.copyOf(t.variables()));
            for (ParamSpec p : params) {
                if (!p.isContext() && p.name() != null && !t.variables().contains(p.name())) {
                    problems.add(String.format("Parameter %s of %s is not a variable of %s", p.name(), fm.describe(),
                            rt.uriTemplate()));
                }
            }
        } catch (McpException e) {
            problems.add(String.format("%s: %s", fm.describe(), e.getMessage()));
        }
    }

    private static void validateCompletion(FeatureMethod fm, String target, Map<String, Set<String>> known,
                                           String what, List<String> problems) {
        Set<String> args = known.get(target);
        if (args == null) {
            problems.add(String.format("%s %s does not exist for completion: %s", what, target, fm.describe()));
            return;
        }
        List<ParamSpec> argParams = FeatureModels.params(fm.method()).stream().filter(p -> !p.isContext()).toList();
        if (argParams.size() != 1 || argParams.get(0).type() != String.class) {
            problems.add(String.format("Completion %s must take exactly one String argument", fm.describe()));
        } else if (!args.contains(argParams.get(0).name())) {
            problems.add(String.format("%s %s has no argument %s for completion: %s", what, target,
                    argParams.get(0).name(), fm.describe()));
        }
    }
}
