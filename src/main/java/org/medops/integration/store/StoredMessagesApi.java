package org.medops.integration.store;

import java.time.Instant;

import org.medops.integration.channels.ChannelDirectory;
import org.medops.integration.permissions.CanReadIntegration;
import org.medops.shared.ProblemException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The message store over REST: search, one message at every stage, a channel's statistics. */
@RestController
class StoredMessagesApi {

    private final MessageBrowser browser;
    private final ChannelDirectory channels;

    StoredMessagesApi(MessageBrowser browser, ChannelDirectory channels) {
        this.browser = browser;
        this.channels = channels;
    }

    @GetMapping("/api/v1/integration/messages")
    @CanReadIntegration
    MessagePage search(@RequestParam(required = false) String channel, @RequestParam(required = false) MessageStatus status,
                       @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
                       @RequestParam(required = false) String controlId, @RequestParam(required = false) Long before,
                       @RequestParam(required = false) Integer size) {
        return browser.search(new MessageFilter(channel, status, from, to, controlId, before, size));
    }

    /** Patient identifiers are masked unless the caller holds {@code integration:data}. */
    @GetMapping("/api/v1/integration/messages/{id}")
    @CanReadIntegration
    MessageDetail one(@PathVariable long id, Authentication who) {
        MessageDetail message = browser.find(id).orElseThrow(() -> ProblemException.notFound("integration-message", id));
        return message.shownTo(who);
    }

    @GetMapping("/api/v1/integration/channels/{code}/statistics")
    @CanReadIntegration
    ChannelStatistics statistics(@PathVariable String code) {
        channels.get(code);
        return browser.statistics(code);
    }
}
