package io.mcpcluster.cdi;

import io.mcpcluster.api.ToolArg;
import io.mcpcluster.protocol.JsonRpc;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JsonSchemaGeneratorTest {

    enum Color { RED, GREEN }

    record Address(String street, Optional<String> city) {
    }

    record Person(String name, int age, List<Address> addresses, Map<String, Double> scores, Color color) {
    }

    record Node(String label, List<Node> children) {
    }

    @SuppressWarnings("unused")
    static class MyTools {
        void all(@ToolArg(description = "Who") Person person, Optional<Integer> limit, Set<String> tags,
                 @ToolArg(defaultValue = "3") int top, boolean flag, String[] names, io.mcpcluster.api.McpLog log) {
        }
    }

    private static String schema(java.lang.reflect.Type t) {
        return JsonRpc.write(JsonSchemaGenerator.schemaFor(t));
    }

    @Test
    void mapsScalarsEnumsAndCollections() {
        assertEquals("{\"type\":\"string\"}", schema(String.class));
        assertEquals("{\"type\":\"integer\"}", schema(long.class));
        assertEquals("{\"type\":\"number\"}", schema(Double.class));
        assertEquals("{\"type\":\"boolean\"}", schema(boolean.class));
        assertEquals("{\"type\":\"string\",\"enum\":[\"RED\",\"GREEN\"]}", schema(Color.class));
        assertEquals("{\"type\":\"array\",\"items\":{\"type\":\"string\"}}", schema(String[].class));
    }

    @Test
    void describesRecordsWithRequiredComponentsExceptOptionalOnes() {
        assertEquals("{\"type\":\"object\",\"properties\":{\"street\":{\"type\":\"string\"},\"city\":{\"type\":\"string\"}},"
                + "\"required\":[\"street\"]}", schema(Address.class));
        JsonObject person = JsonSchemaGenerator.schemaFor(Person.class);
        assertEquals("array", person.getJsonObject("properties").getJsonObject("addresses").getString("type"));
        assertEquals("{\"type\":\"number\"}", JsonRpc.write(person.getJsonObject("properties").getJsonObject("scores")
                .getJsonObject("additionalProperties")));
    }

    @Test
    void stopsAtSelfReference() {
        JsonObject node = JsonSchemaGenerator.schemaFor(Node.class);
        assertEquals("{\"type\":\"object\"}", JsonRpc.write(node.getJsonObject("properties").getJsonObject("children")
                .getJsonObject("items")));
    }

    @Test
    void buildsTheToolInputSchemaFromParametersWithDescriptionsDefaultsAndRequired() throws Exception {
        Method m = MyTools.class.getDeclaredMethod("all", Person.class, Optional.class, Set.class, int.class,
                boolean.class, String[].class, io.mcpcluster.api.McpLog.class);
        JsonObject s = FeatureModels.inputSchema(FeatureModels.params(m));
        JsonObject props = s.getJsonObject("properties");
        assertEquals(Set.of("person", "limit", "tags", "top", "flag", "names"), props.keySet());
        assertEquals("Who", props.getJsonObject("person").getString("description"));
        assertEquals(3, props.getJsonObject("top").getInt("default"));
        assertEquals(true, props.getJsonObject("tags").getBoolean("uniqueItems"));
        assertEquals("integer", props.getJsonObject("limit").getString("type"));
        assertEquals("[\"person\",\"tags\",\"flag\",\"names\"]", JsonRpc.write(s.getJsonArray("required")));
    }
}
