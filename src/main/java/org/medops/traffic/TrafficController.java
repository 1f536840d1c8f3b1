package org.medops.traffic;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.medops.catalog.Catalog;
import org.medops.catalog.ServiceDefinition;
import org.medops.shared.ProblemException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The live dashboard (系统首页) and the log query (日志查询) pages. */
@Controller
class TrafficController {

    /** The status classes the pick-list offers (1xx never reaches the log). */
    static final List<Integer> STATUS_CLASSES = List.of(2, 3, 4, 5);

    private final AccessLogs logs;
    private final LogList list;
    private final Catalog catalog;
    private final DashboardCards cards;
    private final CapturedContent captured;

    TrafficController(AccessLogs logs, LogList list, Catalog catalog, DashboardCards cards, CapturedContent captured) {
        this.captured = captured;
        this.logs = logs;
        this.list = list;
        this.catalog = catalog;
        this.cards = cards;
    }

    /** The figures come from the summary API, polled by the page; the cards link to the filtered lists. */
    @GetMapping("/dashboard")
    @CanReadTraffic
    String dashboard(org.springframework.security.core.Authentication who, Model model) {
        model.addAttribute("cards", cards.cardsFor(who));
        model.addAttribute("zone", list.zone().getId());
        return "traffic/dashboard";
    }

    /** The log query ({@link LogQuery}); {@code export=csv|xlsx} downloads what it shows. */
    @GetMapping("/traffic/logs")
    @CanReadTraffic
    String logs(LogQuery query, Locale locale, HttpServletRequest http, HttpServletResponse response, Model model)
            throws IOException {
        if (query.export() != null) {
            list.export(query, query.export(), locale, http, response);
            return null;
        }
        try {
            AccessLogs.LogFilter filter = list.filter(query);
            model.addAttribute("records", list.page(query, http));
            model.addAttribute("from", query.wallTime(filter.from(), list.zone()));
            model.addAttribute("to", query.wallTime(filter.to(), list.zone()));
        } catch (ProblemException e) {
            // A reversed range, an unreadable time or cursor: the form again with what was typed, and why.
            response.setStatus(e.status().value());
            model.addAttribute("problem", e);
            model.addAttribute("records", list.empty(http));
            model.addAttribute("from", query.from());
            model.addAttribute("to", query.to());
        }
        model.addAttribute("query", query);
        pickLists(model);
        return "traffic/logs";
    }

    /** Services and channels picked by name, sent by code; the rows show the names too. */
    private void pickLists(Model model) {
        List<ServiceDefinition> services = catalog.services();
        List<Catalog.ChannelName> channels = catalog.channelNames();
        model.addAttribute("services", services);
        model.addAttribute("channels", channels);
        model.addAttribute("serviceNames", services.stream().collect(Collectors.toMap(ServiceDefinition::code,
                s -> s.name() == null ? s.code() : s.name(), (a, b) -> a)));
        model.addAttribute("channelNames", channels.stream().collect(Collectors.toMap(Catalog.ChannelName::code,
                c -> c.name() == null ? c.code() : c.name(), (a, b) -> a)));
        model.addAttribute("statusClasses", STATUS_CLASSES);
    }

    @GetMapping("/traffic/logs/{requestId}")
    @CanReadCapturedTraffic
    String log(@PathVariable String requestId, org.springframework.security.core.Authentication who, Model model) {
        model.addAttribute("record", captured.open(requestId, who));
        return "traffic/log";
    }

    @GetMapping({"/traffic/logs/export.csv", "/traffic/logs/export.xlsx"})
    @CanReadTraffic
    void export(LogQuery query, Locale locale, HttpServletRequest http, HttpServletResponse response)
            throws IOException {
        list.export(query, http.getRequestURI().endsWith(".csv") ? "csv" : "xlsx", locale, http, response);
    }
}
