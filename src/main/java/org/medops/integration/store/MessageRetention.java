package org.medops.integration.store;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.medops.integration.channels.ChannelDirectory;
import org.medops.integration.channels.ChannelDocument;
import org.medops.integration.channels.StoredChannel;
import org.medops.integration.statistics.Interval;
import org.medops.integration.statistics.MessageStatistics;
import org.medops.shared.FieldChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Retention by day partitions, never by DELETE (保留策略): a day older than the longest metadata retention of any
 * channel is dropped whole; a younger day holding content of channels past their content days is rewritten (its
 * rows copied into a new table with that content nulled, swapped in at once), so no row is deleted or updated in
 * place and nothing bloats. A day a queue entry still points at is kept as it is and logged: a message waiting to
 * be delivered keeps its content and its day.
 */
@Service
public class MessageRetention {

    private static final Logger log = LoggerFactory.getLogger(MessageRetention.class);
    /** One node at a time (any id of the engine's own; transaction-scoped advisory lock). */
    private static final long LOCK = 0x1d7e_2026_0013L;

    private final RetentionPartitions partitions;
    private final ChannelDirectory channels;
    private final MessageStatistics statistics;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MessageRetention(RetentionPartitions partitions, ChannelDirectory channels, MessageStatistics statistics,
                     TransactionTemplate transactions, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.partitions = partitions;
        this.channels = channels;
        this.statistics = statistics;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    @Scheduled(cron = "${medops.integration.retention-cron:0 30 3 * * *}", zone = "Asia/Shanghai")
    void daily() {
        try {
            run();
        } catch (RuntimeException e) {
            log.warn("Integration retention did not run: {}", e.getClass().getSimpleName());
        }
    }

    /** Runs now and audits what it did ({@code integration.retention.run}); for the operate API. */
    public RetentionReport runNow() {
        RetentionReport report = run();
        events.publishEvent(new RetentionAction("integration.retention.run", report.today().toString(),
                List.of(FieldChange.of("dropped", null, report.dropped().toString()),
                        FieldChange.of("rewritten", null, report.rewritten().toString()),
                        FieldChange.of("keptQueued", null, report.keptQueued().toString()))));
        return report;
    }

    RetentionReport run() {
        LocalDate today = MessageWriter.day(clock.instant());
        Map<String, ChannelDocument.Retention> retentions = retentions();
        int longestMetadata = retentions.values().stream().mapToInt(ChannelDocument.Retention::metadataDays).max()
                .orElse(ChannelDocument.Retention.DEFAULT.metadataDays());
        List<LocalDate> dropped = new ArrayList<>();
        List<LocalDate> rewritten = new ArrayList<>();
        List<LocalDate> keptQueued = new ArrayList<>();
        for (LocalDate day : partitions.days()) {
            if (!day.isBefore(today.minusDays(1))) {
                break; // today and yesterday are still written to; nothing there has expired
            }
            boolean drop = day.isBefore(today.minusDays(longestMetadata));
            RetentionPartitions.Expiry expiry = expiry(day, today, retentions);
            if (!drop && !expiry.any()) {
                continue;
            }
            Outcome outcome = transactions.execute(status -> oneDay(day, drop, expiry));
            switch (outcome) {
                case DROPPED -> dropped.add(day);
                case REWRITTEN -> rewritten.add(day);
                case KEPT_QUEUED -> {
                    keptQueued.add(day);
                    log.warn("Integration retention keeps day {}: messages of that day are still queued", day);
                }
                case NOTHING -> { }
            }
        }
        statistics.prune(Interval.MINUTE.longestRange().plusDays(5), Duration.ofDays(Math.max(longestMetadata, 93)));
        if (!dropped.isEmpty() || !rewritten.isEmpty()) {
            log.info("Integration retention dropped {} and rewrote {} day partition(s)", dropped.size(), rewritten.size());
        }
        return new RetentionReport(today, List.copyOf(dropped), List.copyOf(rewritten), List.copyOf(keptQueued));
    }

    private Outcome oneDay(LocalDate day, boolean drop, RetentionPartitions.Expiry expiry) {
        if (!Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(:lock)").param("lock", LOCK)
                .query(Boolean.class).single())) {
            return Outcome.NOTHING; // another node is at it
        }
        // Locked first, checked after: nothing can queue a message of this day between the check and the change.
        partitions.lockAgainstWrites(day);
        if (partitions.queued(day) > 0) {
            return Outcome.KEPT_QUEUED;
        }
        if (drop) {
            partitions.drop(day);
            return Outcome.DROPPED;
        }
        if (!partitions.hasContent(day, expiry)) {
            return Outcome.NOTHING;
        }
        partitions.rewrite(day, expiry);
        return Outcome.REWRITTEN;
    }

    /** The channels whose content days are over for {@code day}; channels no longer stored get the default. */
    private static RetentionPartitions.Expiry expiry(LocalDate day, LocalDate today,
                                                     Map<String, ChannelDocument.Retention> retentions) {
        List<String> expired = retentions.entrySet().stream()
                .filter(e -> day.isBefore(today.minusDays(e.getValue().contentDays()))).map(Map.Entry::getKey).toList();
        boolean others = day.isBefore(today.minusDays(ChannelDocument.Retention.DEFAULT.contentDays()));
        return new RetentionPartitions.Expiry(expired, List.copyOf(retentions.keySet()), others);
    }

    private Map<String, ChannelDocument.Retention> retentions() {
        Map<String, ChannelDocument.Retention> all = new TreeMap<>();
        for (StoredChannel channel : channels.all()) {
            try {
                ChannelDocument document = ChannelDirectory.parse(channel.document()).withCode(channel.code()).effective();
                all.put(channel.code(), document.retention());
            } catch (RuntimeException e) {
                // Unreadable: keep its messages as long as the default says rather than guess shorter.
                all.put(channel.code(), ChannelDocument.Retention.DEFAULT);
            }
        }
        return all;
    }

    /** Creates a past day's partitions (days before the ones created ahead): for imports and retention tests. */
    void createDay(LocalDate day) {
        partitions.create(day);
    }

    private enum Outcome { DROPPED, REWRITTEN, KEPT_QUEUED, NOTHING }

    /** What one run did, by UTC day. */
    public record RetentionReport(LocalDate today, List<LocalDate> dropped, List<LocalDate> rewritten,
                                  List<LocalDate> keptQueued) {
    }
}
