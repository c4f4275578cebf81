package io.mcpcluster.dispatch;

import io.mcpcluster.protocol.McpException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class UriTemplateTest {

    @Test
    void matchesVariablesOfOnePathSegmentEach() {
        UriTemplate t = new UriTemplate("test://template/{id}/data");
        assertEquals(Map.of("id", "123"), t.match("test://template/123/data"));
        assertNull(t.match("test://template/1/2/data"));
        assertNull(t.match("test://template/123/other"));
    }

    @Test
    void treatsRegexCharactersInTheLiteralPartLiterally() {
        UriTemplate t = new UriTemplate("a+b://x.y/{v}");
        assertEquals(Map.of("v", "1"), t.match("a+b://x.y/1"));
        assertNull(t.match("aab://xzy/1"));
    }

    @Test
    void rejectsDuplicateVariablesAndUnclosedBraces() {
        assertThrows(McpException.class, () -> new UriTemplate("x://{a}/{a}"));
        assertThrows(McpException.class, () -> new UriTemplate("x://{a"));
    }

    @Test
    void pagesWithCursorsItIssuedAndRejectsOthers() {
        var items = java.util.stream.IntStream.range(0, 7)
                .mapToObj(i -> jakarta.json.Json.createObjectBuilder().add("n", i).build()).toList();
        var first = Pagination.page(jakarta.json.JsonValue.EMPTY_JSON_OBJECT, "tools", items, 5);
        assertEquals(5, first.getJsonArray("tools").size());
        var second = Pagination.page(jakarta.json.Json.createObjectBuilder()
                .add("cursor", first.getString("nextCursor")).build(), "tools", items, 5);
        assertEquals(2, second.getJsonArray("tools").size());
        assertNull(second.get("nextCursor"));
        assertThrows(McpException.class, () -> Pagination.page(jakarta.json.Json.createObjectBuilder()
                .add("cursor", "bogus").build(), "tools", items, 5));
    }
}
