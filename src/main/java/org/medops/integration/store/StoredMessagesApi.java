package org.medops.integration.store;

import java.time.Instant;

import org.medops.integration.channels.ChannelDirectory;
import org.medops.integration.permissions.CanReadIntegration;
import org.medops.integration.statistics.MessageStatistics;
import org.medops.integration.statistics.Series;
import org.medops.integration.statistics.SeriesRange;
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
    private final MessageStatistics statistics;
    private final java.time.Clock clock;
    private final MessageContent content;

    StoredMessagesApi(MessageBrowser browser, ChannelDirectory channels, MessageStatistics statistics,
                      java.time.Clock clock, MessageContent content) {
        this.content = content;
        this.browser = browser;
        this.channels = channels;
        this.statistics = statistics;
        this.clock = clock;
    }

    @GetMapping("/api/v1/integration/messages")
    @CanReadIntegration
    MessagePage search(@RequestParam(required = false) String channel, @RequestParam(required = false) MessageStatus status,
                       @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
                       @RequestParam(required = false) String controlId, @RequestParam(required = false) Long before,
                       @RequestParam(required = false) Integer size) {
        return browser.search(new MessageFilter(channel, status, from, to, controlId, before, size));
    }

    /**
     * Content: patient identifiers are masked unless the caller holds {@code integration:data} or a grant of the
     * security committee for the message's channel ({@link MessageContent}).
     */
    @GetMapping("/api/v1/integration/messages/{id}")
    @CanReadMessageContent
    MessageDetail one(@PathVariable long id, Authentication who) {
        return content.open(id, who).shown();
    }

    @GetMapping("/api/v1/integration/channels/{code}/statistics")
    @CanReadIntegration
    StatisticsView statistics(@PathVariable String code, @RequestParam(required = false) String from,
                              @RequestParam(required = false) String to, @RequestParam(required = false) String interval) {
        channels.get(code);
        Series series = from == null && to == null && interval == null ? null
                : statistics.series(code, SeriesRange.of(from, to, interval, clock.instant()));
        return StatisticsView.of(browser.statistics(code), series);
    }

    /** The totals by current status, and with a range asked for, the counts over time from the rollup. */
    record StatisticsView(long received, long filtered, long queued, long sent, long errored, Series series) {

        static StatisticsView of(ChannelStatistics totals, Series series) {
            return new StatisticsView(totals.received(), totals.filtered(), totals.queued(), totals.sent(),
                    totals.errored(), series);
        }
    }
}
