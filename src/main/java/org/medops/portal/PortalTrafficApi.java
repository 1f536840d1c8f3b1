package org.medops.portal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.medops.identity.CanUseDeveloperPortal;
import org.medops.identity.DeveloperAccounts;
import org.medops.settings.Settings;
import org.medops.traffic.ChannelTraffic;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The developer's own calls and usage over the API; there is no channel parameter to tamper with. */
@RestController
class PortalTrafficApi {

    private final ChannelTraffic traffic;
    private final Settings settings;
    private final Clock clock;

    PortalTrafficApi(ChannelTraffic traffic, Settings settings, Clock clock) {
        this.traffic = traffic;
        this.settings = settings;
        this.clock = clock;
    }

    @GetMapping("/api/v1/portal/logs")
    @CanUseDeveloperPortal
    List<ChannelTraffic.Call> logs(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                                   @RequestParam(required = false) String service,
                                   @RequestParam(required = false) Integer statusClass,
                                   @RequestParam(defaultValue = "100") int limit, Authentication who) {
        Instant end = to == null ? clock.instant() : to;
        Instant start = from == null ? end.minusSeconds(24 * 3600) : from;
        return traffic.calls(DeveloperAccounts.ownChannel(who), start, end, service, statusClass, limit);
    }

    @GetMapping("/api/v1/portal/statistics")
    @CanUseDeveloperPortal
    ChannelTraffic.Usage statistics(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                    Authentication who) {
        LocalDate end = to == null ? LocalDate.now(clock.withZone(settings.current().zone())) : to;
        return traffic.usage(DeveloperAccounts.ownChannel(who), from == null ? end.minusDays(6) : from, end,
                settings.current().zone());
    }
}
