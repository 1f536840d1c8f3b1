package org.medops.publication.feed;

import org.medops.catalog.BuiltInServices;
import org.medops.gateway.GatewayCaller;
import org.medops.publication.subscriptions.ActiveSubscription;
import org.medops.publication.topics.Topic;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /publication/{topic}?since=N} on the gateway port, forwarded here as {@code /builtin/publication/…}
 * with the gateway's proof of the admitted channel. {@code If-None-Match} with the last ETag answers 304 when
 * nothing the subscription sees changed.
 */
@RestController
class FeedController {

    static final String SERVICE = org.medops.publication.subscriptions.SubscriptionDesk.FEED_SERVICE;

    private final Feed feed;
    private final BuiltInServices builtIn;

    FeedController(Feed feed, BuiltInServices builtIn) {
        this.feed = feed;
        this.builtIn = builtIn;
    }

    /** The catalog service channels are granted; registered once, its upstream follows this node's console port. */
    @EventListener(ApplicationReadyEvent.class)
    void register() {
        builtIn.ensure(SERVICE, "数据统一发布中心", "/builtin/" + SERVICE);
    }

    @GetMapping("/builtin/publication/{topic:departments|doctors|schedules}")
    ResponseEntity<FeedPage> read(GatewayCaller caller, @PathVariable String topic,
                                  @RequestParam(defaultValue = "0") long since,
                                  @RequestParam(defaultValue = "500") int limit,
                                  @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        Feed.Request request = new Feed.Request(caller.channel(), Topic.ofPath(topic), since, limit);
        ActiveSubscription subscription = feed.subscription(request);
        long head = feed.head();
        String etag = feed.etag(request, subscription, head);
        if (etag.equals(ifNoneMatch)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
        }
        return ResponseEntity.ok().eTag(etag).header(HttpHeaders.CACHE_CONTROL, "no-cache")
                .body(feed.read(request, subscription, head));
    }
}
