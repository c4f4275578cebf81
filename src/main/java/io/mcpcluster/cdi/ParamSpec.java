package io.mcpcluster.cdi;

import io.mcpcluster.api.Cancellation;
import io.mcpcluster.api.CompleteArg;
import io.mcpcluster.api.Elicitation;
import io.mcpcluster.api.McpConnection;
import io.mcpcluster.api.McpContext;
import io.mcpcluster.api.McpLog;
import io.mcpcluster.api.Progress;
import io.mcpcluster.api.PromptArg;
import io.mcpcluster.api.RequestUri;
import io.mcpcluster.api.ResourceTemplateArg;
import io.mcpcluster.api.Roots;
import io.mcpcluster.api.Sampling;
import io.mcpcluster.api.ToolArg;

import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.util.List;

/**
 * One parameter of an annotated method: either a context object the server injects (its type is one
 * of {@link #CONTEXT_TYPES}) or an argument the client sends, with its name, schema type and rules.
 */
record ParamSpec(Class<?> contextType, String name, Type type, boolean required, String defaultValue,
                 String description, String header) {

    static final List<Class<?>> CONTEXT_TYPES = List.of(McpContext.class, McpLog.class, Progress.class,
            Sampling.class, Elicitation.class, Roots.class, Cancellation.class, McpConnection.class, RequestUri.class);

    boolean isContext() {
        return contextType != null;
    }

    static ParamSpec of(Parameter p) {
        if (CONTEXT_TYPES.contains(p.getType())) {
            return new ParamSpec(p.getType(), null, p.getType(), false, null, null, null);
        }
        // Without -parameters javac names parameters arg0, arg1…: useless as argument names.
        String name = p.isNamePresent() ? p.getName() : null;
        String description = "";
        String defaultValue = "";
        boolean required = true;
        String header = null;
        ToolArg t = p.getAnnotation(ToolArg.class);
        PromptArg pa = p.getAnnotation(PromptArg.class);
        ResourceTemplateArg ra = p.getAnnotation(ResourceTemplateArg.class);
        CompleteArg ca = p.getAnnotation(CompleteArg.class);
        if (t != null) {
            name = t.name().isEmpty() ? name : t.name();
            description = t.description();
            defaultValue = t.defaultValue();
            required = t.required();
            header = t.header().isEmpty() ? null : t.header();
        } else if (pa != null) {
            name = pa.name().isEmpty() ? name : pa.name();
            description = pa.description();
            defaultValue = pa.defaultValue();
            required = pa.required();
        } else if (ra != null && !ra.name().isEmpty()) {
            name = ra.name();
        } else if (ca != null && !ca.name().isEmpty()) {
            name = ca.name();
        }
        boolean optional = JsonSchemaGenerator.isOptional(p.getParameterizedType()) || !defaultValue.isEmpty();
        return new ParamSpec(null, name, p.getParameterizedType(), required && !optional,
                defaultValue.isEmpty() ? null : defaultValue, description, header);
    }

    /** An argument whose name is unknown (no annotation name, class compiled without -parameters). */
    boolean isUnnamed() {
        return !isContext() && name == null;
    }
}
