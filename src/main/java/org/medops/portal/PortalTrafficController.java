package org.medops.portal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.medops.identity.CanUseDeveloperPortal;
import org.medops.identity.DeveloperAccounts;
import org.medops.settings.Settings;
import org.medops.traffic.ChannelTraffic;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 调用日志 and 使用统计 of the developer's own channel: the channel comes from the account, never the request. */
@Controller
class PortalTrafficController {

    private final ChannelTraffic traffic;
    private final Settings settings;
    private final Clock clock;

    PortalTrafficController(ChannelTraffic traffic, Settings settings, Clock clock) {
        this.traffic = traffic;
        this.settings = settings;
        this.clock = clock;
    }

    @GetMapping("/portal/logs")
    @CanUseDeveloperPortal
    String logs(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime to,
                @RequestParam(required = false) String service, @RequestParam(required = false) Integer statusClass,
                Authentication who, Model model) {
        ZoneId zone = settings.current().zone();
        Instant end = to == null ? clock.instant() : to.atZone(zone).toInstant();
        Instant start = from == null ? end.minusSeconds(24 * 3600) : from.atZone(zone).toInstant();
        model.addAttribute("calls", traffic.calls(DeveloperAccounts.ownChannel(who), start, end, service, statusClass, 200));
        model.addAttribute("from", LocalDateTime.ofInstant(start, zone).withNano(0));
        model.addAttribute("to", LocalDateTime.ofInstant(end, zone).withNano(0));
        model.addAttribute("service", service);
        model.addAttribute("statusClass", statusClass);
        return "developer/logs";
    }

    @GetMapping("/portal/statistics")
    @CanUseDeveloperPortal
    String statistics(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate fromDate,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate toDate,
                      Authentication who, Model model) {
        ZoneId zone = settings.current().zone();
        LocalDate to = toDate == null ? LocalDate.now(clock.withZone(zone)) : toDate;
        LocalDate from = fromDate == null ? to.minusDays(6) : fromDate;
        model.addAttribute("usage", traffic.usage(DeveloperAccounts.ownChannel(who), from, to, zone));
        model.addAttribute("fromDate", from);
        model.addAttribute("toDate", to);
        return "developer/statistics";
    }
}
