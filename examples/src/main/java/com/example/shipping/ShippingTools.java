package com.example.shipping;

import io.mcpcluster.api.Tool;
import io.mcpcluster.api.ToolArg;
import io.mcpcluster.api.ToolCallException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** Two tools. Any node of the cluster runs any call: they keep no state of their own. */
@ApplicationScoped
public class ShippingTools {

    /** Returned to the client as JSON text. */
    public record Quote(Zone zone, double weightKg, double priceEur, int transitDays) {
    }

    @Tool(name = "shipping_quote", description = "Price and working days in transit of a parcel to a zone")
    Quote quote(@ToolArg(description = "Weight in kilograms, at most 30") double weightKg,
                @ToolArg(description = "Destination zone") Zone zone) {
        if (weightKg <= 0 || weightKg > 30) {
            throw new ToolCallException("weightKg must be more than 0 and at most 30"); // the model sees this message
        }
        return new Quote(zone, weightKg, zone.priceEur(weightKg), zone.transitDays);
    }

    @Tool(name = "delivery_date", description = "The day a parcel shipped on a date arrives (Monday to Friday)")
    String deliveryDate(@ToolArg(description = "Shipping date, e.g. 2026-03-02") String shipped,
                        @ToolArg(description = "Destination zone") Zone zone) {
        LocalDate day = LocalDate.parse(shipped);
        for (int left = zone.transitDays; left > 0; ) {
            day = day.plusDays(1);
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                left--;
            }
        }
        return day.toString();
    }
}
