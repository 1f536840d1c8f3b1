package org.medops.opsdesk.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class TicketNumberYearTest {

    @Test
    void aTicketReportedOnNewYearsEveInUtcIsNumberedInTheHospitalsNewYear() {
        Instant reported = Instant.parse("2026-12-31T17:00:00Z");
        assertThat(Tickets.numberYear(reported, ZoneId.of("Asia/Shanghai"))).isEqualTo("2027");
        assertThat(Tickets.numberYear(reported, ZoneId.of("UTC"))).isEqualTo("2026");
    }
}
