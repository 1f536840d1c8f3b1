package org.medops.reporting.contracts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

/**
 * A service contract's year: {@code year} names it ({@code contractYear=2026}); its quarters are the calendar
 * quarters that start within {@code startsOn … endsOn}.
 */
public record Contract(long id, int year, String name, String vendor, LocalDate startsOn, LocalDate endsOn,
                       BigDecimal fee, BandBasis bandBasis, List<ScorecardItem> items, List<Band> bands) {

    /** The points the items really give (seed 001: 97), which the card compares with its nominal 100. */
    public int maxTotal() {
        return items.stream().mapToInt(ScorecardItem::maxPoints).sum();
    }

    public boolean covers(LocalDate day) {
        return !day.isBefore(startsOn) && !day.isAfter(endsOn);
    }

    /** The score the bands compare, per the contract's basis. */
    public BigDecimal bandScore(BigDecimal total) {
        if (bandBasis == BandBasis.SCALED_TO_100 && maxTotal() > 0) {
            return total.multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(maxTotal()), 1, RoundingMode.HALF_UP);
        }
        return total;
    }

    public Band band(BigDecimal total) {
        return Band.of(bands, bandScore(total));
    }
}
