package org.medops.integration.pages;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import org.medops.integration.channels.ChannelDirectory;
import org.medops.integration.delivery.Reprocessing;
import org.medops.integration.permissions.CanOperateIntegration;
import org.medops.integration.permissions.CanReadIntegration;
import org.medops.integration.store.CanReadMessageContent;
import org.medops.integration.store.MessageBrowser;
import org.medops.integration.store.MessageContent;
import org.medops.integration.store.MessageDetail;
import org.medops.integration.store.MessageFilter;
import org.medops.integration.store.MessageStatus;
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

/** 消息浏览: search the store, page newest first, open a message (raw and transformed side by side), reprocess it. */
@Controller
@RequestMapping("/integration/messages")
class IntegrationMessagesController {

    private final MessageBrowser browser;
    private final ChannelDirectory channels;
    private final Reprocessing reprocessing;
    private final Settings settings;
    private final MessageContent content;

    IntegrationMessagesController(MessageBrowser browser, ChannelDirectory channels, Reprocessing reprocessing,
                                  Settings settings, MessageContent content) {
        this.content = content;
        this.browser = browser;
        this.channels = channels;
        this.reprocessing = reprocessing;
        this.settings = settings;
    }

    @GetMapping
    @CanReadIntegration
    String list(@RequestParam(required = false) String channel, @RequestParam(required = false) String status,
                @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                @RequestParam(required = false) String controlId, @RequestParam(required = false) Long before,
                Model model) {
        model.addAttribute("channels", channels.all());
        model.addAttribute("statuses", MessageStatus.values());
        model.addAttribute("channel", channel);
        model.addAttribute("status", status);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("controlId", controlId);
        try {
            ZoneId zone = settings.current().zone();
            MessageFilter filter = new MessageFilter(channel, status(status), instant(from, zone), instant(to, zone),
                    controlId, before, 50);
            model.addAttribute("page", browser.search(filter));
        } catch (ProblemException e) {
            model.addAttribute("problem", e);
        }
        return "integration/messages";
    }

    @GetMapping("/{id}")
    @CanReadMessageContent
    String one(@PathVariable long id, Authentication who, Model model) {
        MessageContent.Opened opened = content.open(id, who);
        MessageDetail message = opened.stored();
        MessageDetail shown = opened.shown();
        model.addAttribute("m", shown);
        // Marked from what the reader may see: without integration:data both sides stay masked.
        model.addAttribute("highlight", MessageHighlight.of(shown,
                channels.deployed(message.channel()).map(c -> c.document()).orElse(null)));
        return "integration/message";
    }

    @PostMapping("/{id}/reprocess")
    @CanOperateIntegration
    String reprocess(@PathVariable long id, RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "integration.message.reprocessed", () -> reprocessing.reprocess(id));
        return "redirect:/integration/messages/" + id;
    }

    private static MessageStatus status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return MessageStatus.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("integration-messages-status");
        }
    }

    /** The form's local date and time, in the hospital's zone. */
    private static Instant instant(String value, ZoneId zone) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("integration-messages-time");
        }
    }
}
