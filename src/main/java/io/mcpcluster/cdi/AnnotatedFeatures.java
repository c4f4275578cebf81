package io.mcpcluster.cdi;

import io.mcpcluster.api.McpContext;
import io.mcpcluster.api.McpFeatures;
import io.mcpcluster.api.Prompt;
import io.mcpcluster.api.RequestUri;
import io.mcpcluster.api.Resource;
import io.mcpcluster.api.ResourceTemplate;
import io.mcpcluster.api.Tool;
import io.mcpcluster.api.CompletePrompt;
import io.mcpcluster.api.CompleteResourceTemplate;
import io.mcpcluster.dispatch.FeatureRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import io.mcpcluster.protocol.Jsons;
import jakarta.json.bind.Jsonb;

import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Registers the annotated methods the {@link McpExtension} found as handlers of the
 * {@link FeatureRegistry}: each call binds the client's arguments and the context objects to the
 * parameters, invokes the bean method and converts its result.
 */
@ApplicationScoped
public class AnnotatedFeatures {
    @Inject
    BeanManager beanManager;
    @Inject
    McpExtension extension;
    @Inject
    Jsonb jsonb;

    private final Map<Bean<?>, Object> normalScoped = new ConcurrentHashMap<>();

    public void registerInto(FeatureRegistry registry) {
        ArgumentConverter args = new ArgumentConverter(jsonb);
        ResultConverter results = new ResultConverter(jsonb);
        for (FeatureMethod fm : extension.methods()) {
            // Package-private methods are allowed (quarkus style); the invoker lives in another package.
            fm.method().setAccessible(true);
            List<ParamSpec> params = FeatureModels.params(fm.method());
            FeatureModels.caching(fm).ifPresent(c -> registry.setCaching(c.kind(), c.key(), c.caching()));
            switch (fm.kind()) {
                case TOOL -> {
                    Tool t = fm.annotation(Tool.class);
                    registry.scopes().requireForTool(FeatureModels.toolName(fm), FeatureModels.scopes(fm));
                    registry.addTool(new McpFeatures.ToolDefinition(FeatureModels.toolName(fm), t.title(),
                                    t.description(), FeatureModels.inputSchema(params)),
                            (arguments, ctx) -> invoke(fm, params, args, arguments, null, ctx).thenCompose(
                                    r -> ResultConverter.flatten(r, results::tool)), t.timeoutMillis());
                }
                case PROMPT -> {
                    Prompt p = fm.annotation(Prompt.class);
                    List<McpFeatures.PromptArgument> promptArgs = params.stream().filter(s -> !s.isContext())
                            .map(s -> new McpFeatures.PromptArgument(s.name(), s.description(), s.required())).toList();
                    registry.scopes().requireForPrompt(FeatureModels.promptName(fm), FeatureModels.scopes(fm));
                    registry.addPrompt(new McpFeatures.PromptDefinition(FeatureModels.promptName(fm), p.title(),
                                    p.description(), promptArgs),
                            (arguments, ctx) -> invoke(fm, params, args, toJson(arguments), null, ctx).thenCompose(
                                    r -> ResultConverter.flatten(r, results::prompt)));
                }
                case RESOURCE -> {
                    Resource r = fm.annotation(Resource.class);
                    String name = r.name().isEmpty() ? fm.method().getName() : r.name();
                    registry.scopes().requireForResource(r.uri(), FeatureModels.scopes(fm));
                    registry.addResource(new McpFeatures.ResourceDefinition(r.uri(), name, r.description(),
                                    r.mimeType()),
                            (uri, ctx) -> invoke(fm, params, args, JsonObject.EMPTY_JSON_OBJECT, uri, ctx).thenCompose(
                                    x -> ResultConverter.flatten(x, o -> results.resource(o, uri, r.mimeType()))));
                }
                case RESOURCE_TEMPLATE -> {
                    ResourceTemplate rt = fm.annotation(ResourceTemplate.class);
                    registry.scopes().requireForTemplate(rt.uriTemplate(), FeatureModels.scopes(fm));
                    registry.addResourceTemplate(new McpFeatures.ResourceTemplateDefinition(rt.uriTemplate(),
                                    FeatureModels.templateName(fm), rt.description(), rt.mimeType()),
                            (uri, vars, ctx) -> invoke(fm, params, args, toJson(vars), uri, ctx).thenCompose(
                                    x -> ResultConverter.flatten(x, o -> results.resource(o, uri, rt.mimeType()))));
                }
                case COMPLETE_PROMPT, COMPLETE_TEMPLATE -> {
                    ParamSpec arg = params.stream().filter(s -> !s.isContext()).findFirst().orElseThrow();
                    McpFeatures.Completer completer = (value, ctx) -> invoke(fm, params, args,
                            Jsons.createObjectBuilder().add(arg.name(), value).build(), null, ctx)
                            .thenCompose(r -> ResultConverter.flatten(r, results::completion));
                    if (fm.kind() == FeatureMethod.Kind.COMPLETE_PROMPT) {
                        registry.addPromptCompleter(fm.annotation(CompletePrompt.class).value(), arg.name(), completer);
                    } else {
                        String template = templateUri(fm.annotation(CompleteResourceTemplate.class).value());
                        registry.addResourceTemplateCompleter(template, arg.name(), completer);
                    }
                }
            }
        }
    }

    /** A completion names its template by name or by URI template; the registry keys by URI template. */
    private String templateUri(String nameOrUri) {
        return extension.methods().stream().filter(m -> m.kind() == FeatureMethod.Kind.RESOURCE_TEMPLATE)
                .filter(m -> FeatureModels.templateName(m).equals(nameOrUri)
                        || m.annotation(ResourceTemplate.class).uriTemplate().equals(nameOrUri))
                .map(m -> m.annotation(ResourceTemplate.class).uriTemplate()).findFirst().orElse(nameOrUri);
    }

    private static JsonObject toJson(Map<String, String> values) {
        var b = Jsons.createObjectBuilder();
        values.forEach(b::add);
        return b.build();
    }

    private CompletionStage<Object> invoke(FeatureMethod fm, List<ParamSpec> params, ArgumentConverter converter,
                                           JsonObject arguments, String uri, McpContext ctx) {
        Object[] values = new Object[params.size()];
        for (int i = 0; i < values.length; i++) {
            ParamSpec p = params.get(i);
            if (p.isContext()) {
                values[i] = contextValue(p.contextType(), ctx, uri);
            } else {
                values[i] = converter.bind(p, arguments);
            }
        }
        CreationalContext<?> cc = null;
        try {
            Object instance;
            if (fm.bean().getScope() == Dependent.class) {
                cc = beanManager.createCreationalContext(fm.bean());
                instance = beanManager.getReference(fm.bean(), fm.bean().getBeanClass(), cc);
            } else {
                instance = normalScoped.computeIfAbsent(fm.bean(), b -> beanManager.getReference(b, b.getBeanClass(),
                        beanManager.createCreationalContext(b)));
            }
            Object result = fm.method().invoke(instance, values);
            CreationalContext<?> release = cc;
            if (release != null && result instanceof CompletionStage<?> stage) {
                cc = null;
                return stage.whenComplete((r, e) -> release.release()).thenApply(Function.identity());
            }
            return CompletableFuture.completedFuture(result);
        } catch (InvocationTargetException e) {
            return CompletableFuture.failedFuture(e.getCause());
        } catch (IllegalAccessException e) {
            return CompletableFuture.failedFuture(new IllegalStateException(fm.describe() + " is not accessible", e));
        } finally {
            if (cc != null) {
                cc.release();
            }
        }
    }

    private static Object contextValue(Class<?> type, McpContext ctx, String uri) {
        if (type == McpContext.class) {
            return ctx;
        }
        if (type == RequestUri.class) {
            return new RequestUri(uri);
        }
        if (type == io.mcpcluster.api.McpLog.class) {
            return ctx.log();
        }
        if (type == io.mcpcluster.api.Progress.class) {
            return ctx.progress();
        }
        if (type == io.mcpcluster.api.Sampling.class) {
            return ctx.sampling();
        }
        if (type == io.mcpcluster.api.Elicitation.class) {
            return ctx.elicitation();
        }
        if (type == io.mcpcluster.api.Roots.class) {
            return ctx.roots();
        }
        if (type == io.mcpcluster.api.Cancellation.class) {
            return ctx.cancellation();
        }
        return ctx.connection();
    }
}
