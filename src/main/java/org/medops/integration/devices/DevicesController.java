package org.medops.integration.devices;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.medops.integration.channels.ChannelDirectory;
import org.medops.integration.permissions.CanEditIntegrationChannels;
import org.medops.integration.permissions.CanReadIntegration;
import org.medops.integration.store.CanReadMessageContent;
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

/** 设备接口日志: the marked channels, one interface's messages by key and time, one message raw beside processed. */
@Controller
@RequestMapping("/integration/devices")
class DevicesController {

    private final DeviceInterfaces interfaces;
    private final DeviceMessages messages;
    private final ChannelDirectory channels;
    private final Settings settings;

    DevicesController(DeviceInterfaces interfaces, DeviceMessages messages, ChannelDirectory channels, Settings settings) {
        this.interfaces = interfaces;
        this.messages = messages;
        this.channels = channels;
        this.settings = settings;
    }

    @GetMapping
    @CanReadIntegration
    String list(Model model) {
        model.addAttribute("devices", interfaces.all());
        model.addAttribute("channels", channels.all());
        model.addAttribute("parties", ResponsibleParty.values());
        model.addAttribute("failures", FailureKind.values());
        return "integration/devices";
    }

    /** The console's marking form: one search key and one patient path per line ({@code name=path}). */
    @PostMapping
    @CanEditIntegrationChannels
    String save(@RequestParam String channel, @RequestParam String deviceName, @RequestParam(required = false) String maker,
                @RequestParam(required = false) String model, @RequestParam String system,
                @RequestParam(required = false) String searchKeys, @RequestParam(required = false) String patientPaths,
                @RequestParam(name = "party", required = false) List<String> parties, Authentication who,
                RedirectAttributes redirect) {
        List<DeviceInterface.SearchKey> keys = new ArrayList<>();
        for (String line : lines(searchKeys)) {
            int eq = line.indexOf('=');
            keys.add(eq < 0 ? new DeviceInterface.SearchKey(line, line)
                    : new DeviceInterface.SearchKey(line.substring(0, eq).strip(), line.substring(eq + 1).strip()));
        }
        List<DeviceInterface.Responsibility> duties = new ArrayList<>();
        FailureKind[] kinds = FailureKind.values();
        for (int i = 0; parties != null && i < Math.min(parties.size(), kinds.length); i++) {
            for (ResponsibleParty party : ResponsibleParty.values()) {
                if (party.name().equals(parties.get(i))) {
                    duties.add(new DeviceInterface.Responsibility(kinds[i], party, null));
                }
            }
        }
        DeviceInterface.Marking marking = new DeviceInterface.Marking(deviceName, maker, model, system, keys,
                lines(patientPaths), duties);
        ConsoleActions.attempt(redirect, "devices.saved", () -> interfaces.save(channel, marking, who.getName()));
        return "redirect:/integration/devices";
    }

    @GetMapping("/{channel}")
    @CanReadIntegration
    String device(@PathVariable String channel, @RequestParam(required = false) String q,
                  @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                  @RequestParam(required = false) Long before, Authentication who, Model model) {
        model.addAttribute("device", interfaces.get(channel));
        model.addAttribute("q", q);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        try {
            ZoneId zone = settings.current().zone();
            model.addAttribute("page", messages.search(channel, q, instant(from, zone), instant(to, zone), before, who));
        } catch (ProblemException e) {
            model.addAttribute("problem", e);
        }
        return "integration/device";
    }

    @GetMapping("/{channel}/messages/{id}")
    @CanReadMessageContent
    String message(@PathVariable String channel, @PathVariable long id,
                   @RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(
                           iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) java.time.LocalDate day,
                   Authentication who, Locale locale, Model model) {
        DeviceMessages.Read read = messages.read(channel, id, day, who);
        DeviceMessages.View view = read.view();
        model.addAttribute("v", view);
        if (view.failure() != null) {
            ZoneId zone = settings.current().zone();
            DeviceMessages.TicketDraft draft = messages.ticket(read, zone, locale, who);
            model.addAttribute("ticket", draft);
            model.addAttribute("occurredAt", view.receivedAt().atZone(zone).toLocalDateTime()
                    .truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString());
        }
        return "integration/device-message";
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private static Instant instant(String value, ZoneId zone) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("integration-device-time", value);
        }
    }
}
