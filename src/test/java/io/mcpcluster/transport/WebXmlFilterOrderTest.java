package io.mcpcluster.transport;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.File;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link BodyReadFilter} ends the REQUEST dispatch of a POST and continues in an ASYNC dispatch, where
 * only filters mapped for ASYNC run: a filter mapped after it (an authentication filter, say) would be
 * skipped for every POST. So its mapping must stay the last one of web.xml.
 */
class WebXmlFilterOrderTest {

    @Test
    void theBodyReadFilterIsMappedLastForRequestAndAsync() throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        NodeList mappings = factory.newDocumentBuilder().parse(new File("src/main/webapp/WEB-INF/web.xml"))
                .getElementsByTagNameNS("*", "filter-mapping");
        Element last = (Element) mappings.item(mappings.getLength() - 1);
        assertEquals("mcp-body-read", text(last, "filter-name").get(0),
                "filters mapped after mcp-body-read would not run for POSTs");
        assertEquals(List.of("REQUEST", "ASYNC"), text(last, "dispatcher"));
    }

    private static List<String> text(Element parent, String tag) {
        List<String> out = new ArrayList<>();
        NodeList nodes = parent.getElementsByTagNameNS("*", tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent().trim());
        }
        return out;
    }
}
