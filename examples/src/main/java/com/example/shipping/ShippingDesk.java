package com.example.shipping;

import io.mcpcluster.api.Prompt;
import io.mcpcluster.api.PromptArg;
import io.mcpcluster.api.PromptMessage;
import io.mcpcluster.api.Resource;
import io.mcpcluster.api.TextContent;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Arrays;
import java.util.stream.Collectors;

/** A resource (the rate card) and a prompt that uses it. */
@ApplicationScoped
public class ShippingDesk {

    @Resource(uri = "shipping://zones", name = "zones", description = "Zones, prices and transit days",
            mimeType = "text/markdown")
    String zones() {
        return "| zone | base price (EUR) | per kg (EUR) | working days |\n|---|---|---|---|\n"
                + Arrays.stream(Zone.values())
                .map(z -> "| " + z + " | " + z.basePriceEur + " | " + z.pricePerKgEur + " | " + z.transitDays + " |")
                .collect(Collectors.joining("\n"));
    }

    @Prompt(name = "customer_reply", description = "Drafts a friendly answer to a customer's shipping question")
    PromptMessage customerReply(@PromptArg(description = "The customer's question") String question) {
        return PromptMessage.withUserRole(new TextContent(
                "Answer this customer in two sentences, with the prices of shipping://zones: " + question));
    }
}
