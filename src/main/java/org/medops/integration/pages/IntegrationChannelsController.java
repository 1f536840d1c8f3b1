package org.medops.integration.pages;

import org.medops.integration.channels.ChannelBook;
import org.medops.integration.channels.ChannelDirectory;
import org.medops.integration.channels.StoredChannel;
import org.medops.integration.delivery.Destinations;
import org.medops.integration.permissions.CanEditIntegrationChannels;
import org.medops.integration.permissions.CanOperateIntegration;
import org.medops.integration.permissions.CanReadIntegration;
import org.medops.integration.statistics.Interval;
import org.medops.integration.statistics.MessageStatistics;
import org.medops.integration.statistics.SeriesRange;
import org.medops.integration.store.MessageBrowser;
import org.medops.settings.Settings;
import org.medops.shared.ConsoleActions;
import org.medops.shared.ProblemException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 集成通道: the list with live figures, and the document editor (save, versions, revert, enable, disable). */
@Controller
@RequestMapping("/integration/channels")
class IntegrationChannelsController {

    /** What a new channel starts from: the minimal document of the issue, with a transformer to edit. */
    static final String TEMPLATE = """
            {
              "code": "adt-to-emr",
              "name": "ADT 入院登记 → EMR",
              "source": {"type": "MLLP", "port": 6661},
              "transformer": {"steps": [
                {"to": "patient.id", "from": "PID-3.1"},
                {"to": "patient.name", "from": "PID-5.1"},
                {"to": "patient.sex", "from": "PID-8", "table": {"M": "男", "F": "女"}, "fallback": "未知"}
              ]},
              "destinations": [{"name": "emr", "type": "HTTP", "url": "http://10.1.2.3:8080/adt", "method": "POST"}]
            }
            """;

    private final ChannelDirectory directory;
    private final ChannelBook book;
    private final MessageBrowser messages;
    private final Destinations destinations;
    private final MessageStatistics statistics;
    private final Settings settings;
    private final java.time.Clock clock;

    IntegrationChannelsController(ChannelDirectory directory, ChannelBook book, MessageBrowser messages,
                                  Destinations destinations, MessageStatistics statistics, Settings settings,
                                  java.time.Clock clock) {
        this.directory = directory;
        this.book = book;
        this.messages = messages;
        this.destinations = destinations;
        this.statistics = statistics;
        this.settings = settings;
        this.clock = clock;
    }

    @GetMapping
    @CanReadIntegration
    String list(Model model) {
        model.addAttribute("rows", directory.all().stream()
                .map(c -> ChannelRow.of(c, messages.statistics(c.code()), destinations.of(c.code()),
                        ChannelChart.of(statistics.lastHour(c.code())))).toList());
        return "integration/channels";
    }

    @GetMapping("/new")
    @CanEditIntegrationChannels
    String create(Model model) {
        model.addAttribute("code", "");
        model.addAttribute("document", TEMPLATE);
        return "integration/channel";
    }

    @GetMapping("/{code}")
    @CanReadIntegration
    String edit(@PathVariable String code, @RequestParam(defaultValue = "minute") String interval, Model model) {
        StoredChannel channel = directory.get(code);
        model.addAttribute("code", code);
        model.addAttribute("document", channel.document());
        editor(model, channel);
        Interval width = "hour".equals(interval) ? Interval.HOUR : Interval.MINUTE;
        model.addAttribute("zone", settings.current().zone().getId());
        model.addAttribute("interval", width.name().toLowerCase(java.util.Locale.ROOT));
        model.addAttribute("chart", ChannelChart.of(statistics.series(code,
                SeriesRange.of(null, null, width.name(), clock.instant()))));
        return "integration/channel";
    }

    @PostMapping
    @CanEditIntegrationChannels
    String save(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String document,
                Authentication who, Model model, RedirectAttributes redirect) {
        try {
            book.save(code.trim(), document, who.getName());
            redirect.addFlashAttribute("notice", "integration.channel.saved");
            return "redirect:/integration/channels/" + code.trim();
        } catch (ProblemException e) {
            model.addAttribute("problem", e);
            model.addAttribute("code", code);
            model.addAttribute("document", document);
            directory.find(code.trim()).ifPresent(channel -> editor(model, channel));
            return "integration/channel";
        }
    }

    @PostMapping("/{code}/enable")
    @CanOperateIntegration
    String enable(@PathVariable String code, Authentication who, RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "integration.channel.enabledNotice", () -> book.enable(code, true, who.getName()));
        return "redirect:/integration/channels/" + code;
    }

    @PostMapping("/{code}/disable")
    @CanOperateIntegration
    String disable(@PathVariable String code, Authentication who, RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "integration.channel.disabledNotice", () -> book.enable(code, false, who.getName()));
        return "redirect:/integration/channels/" + code;
    }

    @PostMapping("/{code}/versions/{version}/revert")
    @CanEditIntegrationChannels
    String revert(@PathVariable String code, @PathVariable int version, Authentication who, RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "integration.channel.reverted", () -> book.revert(code, version, who.getName()));
        return "redirect:/integration/channels/" + code;
    }

    private void editor(Model model, StoredChannel channel) {
        model.addAttribute("channel", channel);
        model.addAttribute("versions", directory.versions(channel.code()));
        model.addAttribute("statistics", messages.statistics(channel.code()));
        model.addAttribute("destinations", destinations.of(channel.code()));
    }
}
