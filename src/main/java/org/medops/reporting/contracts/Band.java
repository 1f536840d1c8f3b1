package org.medops.reporting.contracts;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** A payment band: from {@code minScore} (inclusive) up to the next band, the share of the fee paid. */
public record Band(@NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal minScore,
                   @Min(0) @Max(100) int paymentPercent, boolean failing) {

    /** Seed 001: 90–100 → 100 %, 80–89 → 95 %, 60–79 → 85 %, below 60 → 50 % and the quarter fails. */
    public static List<Band> seedDefaults() {
        return List.of(new Band(new BigDecimal("90"), 100, false), new Band(new BigDecimal("80"), 95, false),
                new Band(new BigDecimal("60"), 85, false), new Band(BigDecimal.ZERO, 50, true));
    }

    /** The band a score falls in: the highest whose minimum it reaches (89.9 is under 90). */
    public static Band of(List<Band> bands, BigDecimal score) {
        return bands.stream().sorted(Comparator.comparing(Band::minScore).reversed())
                .filter(b -> score.compareTo(b.minScore()) >= 0).findFirst()
                .orElseGet(() -> bands.stream().min(Comparator.comparing(Band::minScore)).orElseThrow());
    }
}
