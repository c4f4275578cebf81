package io.mcpcluster.cdi;

import io.mcpcluster.api.CompletePrompt;
import io.mcpcluster.api.Prompt;
import io.mcpcluster.api.ResourceTemplate;
import io.mcpcluster.api.Tool;
import io.mcpcluster.api.ToolArg;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each scenario has its own nested fixture class, as the deployment would see it. */
class FeatureValidatorTest {

    private static List<String> problems(Class<?> beanClass) {
        List<FeatureMethod> methods = new ArrayList<>();
        for (Method m : beanClass.getDeclaredMethods()) {
            for (FeatureMethod.Kind kind : FeatureMethod.KINDS) {
                if (m.isAnnotationPresent(kind.annotation)) {
                    methods.add(new FeatureMethod(null, m, kind));
                }
            }
        }
        return FeatureValidator.validate(methods);
    }

    @Nested
    class DuplicateToolNamesFail {
        static class MyTools {
            @Tool(name = "same", description = "a")
            String a() {
                return "";
            }

            @Tool(name = "same", description = "b")
            String b() {
                return "";
            }
        }

        @Test
        void reportsBothMethods() {
            List<String> p = problems(MyTools.class);
            assertEquals(1, p.size(), p.toString());
            assertTrue(p.get(0).contains("Duplicate tool name same") && p.get(0).contains("MyTools#"));
        }
    }

    @Nested
    class CompletionOfMissingPromptFails {
        static class MyTools {
            @CompletePrompt("nope")
            List<String> complete(String arg) {
                return List.of();
            }
        }

        @Test
        void namesThePromptAndTheMethod() {
            assertEquals(List.of("Prompt nope does not exist for completion: " + MyTools.class.getName() + "#complete"),
                    problems(MyTools.class));
        }
    }

    @Nested
    class CompletionOfUnknownArgumentFails {
        static class MyTools {
            @Prompt(name = "p", description = "d")
            String p(String topic) {
                return topic;
            }

            @CompletePrompt("p")
            List<String> complete(String other) {
                return List.of();
            }
        }

        @Test
        void namesTheArgument() {
            List<String> p = problems(MyTools.class);
            assertEquals(1, p.size(), p.toString());
            assertTrue(p.get(0).contains("has no argument other"));
        }
    }

    @Nested
    class NonStringPromptArgumentFails {
        static class MyTools {
            @Prompt(description = "d")
            String p(int count) {
                return "";
            }
        }

        @Test
        void requiresStrings() {
            assertTrue(problems(MyTools.class).get(0).contains("must be a String"));
        }
    }

    @Nested
    class TemplateParameterThatIsNoVariableFails {
        static class MyTools {
            @ResourceTemplate(uriTemplate = "x://{id}")
            String read(String name) {
                return "";
            }
        }

        @Test
        void namesTheParameter() {
            assertTrue(problems(MyTools.class).get(0).contains("Parameter name of"));
        }
    }

    @Nested
    class StaticAndPrivateMethodsFail {
        static class MyTools {
            @Tool(description = "d")
            static String s() {
                return "";
            }

            @Tool(description = "d")
            private String p() {
                return "";
            }
        }

        @Test
        void reportsEach() {
            assertEquals(2, problems(MyTools.class).size());
        }
    }

    @Nested
    class ValidFeaturesPass {
        static class MyTools {
            @Tool(description = "d")
            String t(String a, io.mcpcluster.api.McpLog log) {
                return a;
            }

            @Prompt(name = "p", description = "d")
            String p(String topic) {
                return topic;
            }

            @CompletePrompt("p")
            List<String> c(String topic) {
                return List.of();
            }

            @ResourceTemplate(uriTemplate = "x://{id}", name = "tpl")
            String r(String id) {
                return id;
            }
        }

        @Test
        void reportNothing() {
            assertEquals(List.of(), problems(MyTools.class));
        }
    }

    @Nested
    class HeaderArgumentsMustBeTokensUniqueAndPrimitive {
        static class MyTools {
            @Tool(description = "d")
            String t(@ToolArg(header = "Region") String region, @ToolArg(header = "region") String zone,
                     @ToolArg(header = "Bad Name") String other, @ToolArg(header = "Weight") double weight) {
                return region;
            }

            @Tool(description = "fine")
            String fine(@ToolArg(header = "Tenant-Id") String tenant, @ToolArg(header = "Limit") int limit,
                        @ToolArg(header = "Dry") boolean dry) {
                return tenant;
            }
        }

        @Test
        void reportsTheDuplicateTheNonTokenAndTheNumber() {
            List<String> p = problems(MyTools.class);
            assertEquals(3, p.size(), p.toString());
            assertTrue(p.stream().anyMatch(s -> s.contains("Header region of") && s.contains("used twice")), p.toString());
            assertTrue(p.stream().anyMatch(s -> s.contains("Bad Name") && s.contains("not an HTTP token")), p.toString());
            assertTrue(p.stream().anyMatch(s -> s.contains("Argument weight") && s.contains("MyTools#t")), p.toString());
        }

        @Test
        void theSchemaMarksTheMirroredArgument() throws NoSuchMethodException {
            var schema = FeatureModels.inputSchema(FeatureModels.params(MyTools.class.getDeclaredMethod("fine",
                    String.class, int.class, boolean.class)));
            assertEquals("Tenant-Id", schema.getJsonObject("properties").getJsonObject("tenant").getString("x-mcp-header"));
            assertEquals("Limit", schema.getJsonObject("properties").getJsonObject("limit").getString("x-mcp-header"));
        }
    }
}
