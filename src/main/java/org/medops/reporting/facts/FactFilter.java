package org.medops.reporting.facts;

import java.time.LocalDate;
import java.time.ZoneId;

/** Every list of facts filters alike: a day range (inclusive, either end open, days in {@code zone}) and a text. */
record FactFilter(LocalDate from, LocalDate to, String q, ZoneId zone) {
}
