package com.example.shipping;

/** Where a parcel goes: a base price, a price per kilogram and the working days in transit. */
public enum Zone {
    DOMESTIC(3.90, 0.50, 1),
    EU(7.50, 1.20, 3),
    WORLD(14.00, 3.80, 7);

    final double basePriceEur;
    final double pricePerKgEur;
    final int transitDays;

    Zone(double basePriceEur, double pricePerKgEur, int transitDays) {
        this.basePriceEur = basePriceEur;
        this.pricePerKgEur = pricePerKgEur;
        this.transitDays = transitDays;
    }

    double priceEur(double weightKg) {
        return Math.round((basePriceEur + pricePerKgEur * weightKg) * 100) / 100.0;
    }
}
