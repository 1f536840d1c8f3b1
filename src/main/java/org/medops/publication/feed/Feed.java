package org.medops.publication.feed;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;

import org.medops.publication.subscriptions.ActiveSubscription;
import org.medops.publication.subscriptions.SubscriptionDesk;
import org.medops.publication.subscriptions.Usage;
import org.medops.publication.topics.PublishedRecord;
import org.medops.publication.topics.PublishedRecords;
import org.medops.publication.topics.Topic;
import org.medops.shared.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/** Reads a topic for a channel: published records only, cut to the subscription's approved fields. */
@Service
public class Feed {

    public static final int MAX_LIMIT = 1000;

    private final PublishedRecords records;
    private final SubscriptionDesk subscriptions;
    private final Clock clock;

    Feed(PublishedRecords records, SubscriptionDesk subscriptions, Clock clock) {
        this.records = records;
        this.subscriptions = subscriptions;
        this.clock = clock;
    }

    /** What the answer would be identified by, cheap to compute before reading the records. */
    public record Request(String channel, Topic topic, long since, int limit) {
        public Request {
            if (since < 0) {
                throw ProblemException.invalid("publication-since-invalid", since);
            }
            if (limit < 1 || limit > MAX_LIMIT) {
                throw ProblemException.invalid("publication-limit-invalid", MAX_LIMIT);
            }
        }
    }

    /** The subscription that allows the read; a channel without one is refused. */
    public ActiveSubscription subscription(Request request) {
        return subscriptions.active(request.channel(), request.topic())
                .orElseThrow(() -> new ProblemException(HttpStatus.FORBIDDEN, "publication-subscription-missing",
                        request.channel(), request.topic().path()));
    }

    /**
     * The ETag of the answer: the subscription, its fields, {@code since}, the limit and the topic's newest version
     * the answer would hold. Versions commit in order, so the same tag means the same body.
     */
    public String etag(Request request, ActiveSubscription subscription, long head) {
        String basis = subscription.id() + "|" + new TreeSet<>(subscription.fields()) + "|" + request.since() + "|"
                + request.limit() + "|" + records.topicHead(request.topic(), head);
        return "\"" + sha256(basis).substring(0, 32) + "\"";
    }

    public long head() {
        return records.head();
    }

    /** The changes after {@code since} (a snapshot when 0), recorded as the subscription's usage. */
    public FeedPage read(Request request, ActiveSubscription subscription, long head) {
        List<PublishedRecord> page = records.changed(request.topic(), request.since(), head, request.limit() + 1);
        boolean more = page.size() > request.limit();
        List<PublishedRecord> rows = more ? page.subList(0, request.limit()) : page;
        List<String> allowed = request.topic().publishableFields().stream()
                .filter(subscription.fields()::contains).toList();
        List<FeedPage.Entry> changed = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        for (PublishedRecord r : rows) {
            if (r.removed()) {
                if (request.since() > 0) {
                    removed.add(r.key());
                }
            } else {
                changed.add(new FeedPage.Entry(r.key(), r.version(), r.fields().only(allowed).values()));
            }
        }
        long version = more ? rows.get(rows.size() - 1).version()
                : Math.max(records.topicHead(request.topic(), head), request.since());
        subscriptions.recordUsage(new Usage(subscription.id(), Usage.Kind.READ, request.since(), version,
                changed.size() + removed.size(), clock.instant()));
        return new FeedPage(version, changed, removed, more);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
