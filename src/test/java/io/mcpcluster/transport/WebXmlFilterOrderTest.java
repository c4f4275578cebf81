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
        NodeList mappings = filterMappings();
        Element last = (Element) mappings.item(mappings.getLength() - 1);
        assertEquals("mcp-body-read", text(last, "filter-name").get(0),
                "filters mapped after mcp-body-read would not run for POSTs");
        assertEquals(List.of("REQUEST", "ASYNC"), text(last, "dispatcher"));
    }

    /**
     * The filters before it run once, in the REQUEST dispatch, so each names that dispatcher: Jetty runs
     * an async-supported filter whose mapping names none in ASYNC dispatches too, where the security
     * filter would find the token already hidden by its own wrapper and refuse every POST.
     */
    @Test
    void everyOtherFilterIsMappedForRequestDispatchesOnly() throws Exception {
        NodeList mappings = filterMappings();
        for (int i = 0; i < mappings.getLength() - 1; i++) {
            Element mapping = (Element) mappings.item(i);
            assertEquals(List.of("REQUEST"), text(mapping, "dispatcher"), text(mapping, "filter-name").get(0));
        }
    }

    private static NodeList filterMappings() throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new File("src/main/webapp/WEB-INF/web.xml"))
                .getElementsByTagNameNS("*", "filter-mapping");
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
