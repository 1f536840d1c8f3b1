package org.medops.integration.store;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.medops.integration.statistics.MessageCounters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit: one thread takes whatever messages arrived from all connections while the previous
 * commit ran, writes them (message rows, delivery rows, queue entries) in one transaction and only then
 * completes each message's future, on which the source writes its ACK. One commit per group rather than per
 * message is what lets a durable store keep up with thousands of messages a second; a single message still
 * commits at once, because nothing waits for a group to fill.
 */
@Component
public class MessageWriter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MessageWriter.class);
    private static final int GROUP = 500;
    /** The first key of the two-key advisory locks on control ids, apart from other modules' locks. */
    private static final int DUPLICATE_LOCKS = 2614;

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final QueueSignal signal;
    private final MessageCounters counters;
    private final BlockingQueue<Pending> pending = new ArrayBlockingQueue<>(20_000);
    private volatile Thread thread;

    MessageWriter(NamedParameterJdbcTemplate jdbc, TransactionTemplate transactions, QueueSignal signal,
                  MessageCounters counters) {
        this.counters = counters;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.signal = signal;
    }

    /** Completes once the message is committed; fails when it could not be (the source answers AE, the sender resends). */
    public CompletableFuture<Stored> submit(Inbound inbound) {
        Pending p = new Pending(inbound, new CompletableFuture<>());
        if (!pending.offer(p)) {
            p.done().completeExceptionally(new IllegalStateException("message store is overloaded"));
        }
        return p.done();
    }

    private void run() {
        List<Pending> group = new ArrayList<>(GROUP);
        while (thread != null) {
            try {
                Pending first = pending.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                pending.drainTo(group, GROUP - 1);
                write(group);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } finally {
                group.clear();
            }
        }
        Pending left;
        while ((left = pending.poll()) != null) {
            left.done().completeExceptionally(new IllegalStateException("message store stopped"));
        }
    }

    private void write(List<Pending> group) {
        List<Stored> stored;
        try {
            stored = transactions.execute(status -> insert(group.stream().map(Pending::inbound).toList()));
        } catch (RuntimeException e) {
            // Only the kind of failure: a database error message may quote the row, patient names included.
            log.warn("Could not store {} integration message(s): {} (SQLSTATE {})", group.size(),
                    e.getClass().getSimpleName(), sqlState(e));
            group.forEach(p -> p.done().completeExceptionally(e));
            return;
        }
        Set<String> rung = new LinkedHashSet<>();
        for (int i = 0; i < group.size(); i++) {
            Inbound in = group.get(i).inbound();
            if (stored.get(i).status() == MessageStatus.QUEUED && rung.add(in.channel())) {
                signal.ring(in.channel());
            }
            counters.received(in.channel(), intake(stored.get(i).status()), in.destinations());
            group.get(i).done().complete(stored.get(i));
        }
    }

    private List<Stored> insert(List<Inbound> group) {
        List<Long> ids = jdbc.queryForList("select nextval('integration_message_ids') from generate_series(1, :n)",
                new MapSqlParameterSource("n", group.size()), Long.class);
        Map<String, Long> duplicates = duplicates(group);
        Map<String, Long> seen = new HashMap<>();
        List<Stored> stored = new ArrayList<>(group.size());
        List<SqlParameterSource> messages = new ArrayList<>();
        List<SqlParameterSource> deliveries = new ArrayList<>();
        List<SqlParameterSource> queued = new ArrayList<>();
        for (int i = 0; i < group.size(); i++) {
            Inbound in = group.get(i);
            long id = ids.get(i);
            Long duplicateOf = null;
            if (checksDuplicates(in)) {
                String key = in.channel() + '\u0000' + in.controlId();
                duplicateOf = duplicates.containsKey(key) ? duplicates.get(key) : seen.get(key);
                if (duplicateOf == null && in.status() != MessageStatus.ERRORED) {
                    seen.put(key, id);
                }
            }
            MessageStatus status = duplicateOf != null ? MessageStatus.FILTERED : in.status();
            LocalDate day = day(in.receivedAt());
            messages.add(new MapSqlParameterSource().addValue("id", id).addValue("day", day)
                    .addValue("at", Timestamp.from(in.receivedAt())).addValue("channel", in.channel())
                    .addValue("control", blankToNull(in.controlId())).addValue("type", blankToNull(in.messageType()))
                    .addValue("status", status.name()).addValue("duplicateOf", duplicateOf).addValue("raw", in.raw())
                    .addValue("bytes", in.receivedBytes(), java.sql.Types.BINARY)
                    .addValue("transformed", in.transformed())
                    .addValue("error", duplicateOf != null ? "duplicate of message " + duplicateOf : in.error()));
            if (status == MessageStatus.QUEUED) {
                for (String destination : in.destinations()) {
                    String laneKey = in.laneKeys().get(destination);
                    var route = in.route(destination);
                    SqlParameterSource row = new MapSqlParameterSource().addValue("id", id).addValue("day", day)
                            .addValue("channel", in.channel()).addValue("destination", destination)
                            .addValue("at", Timestamp.from(in.receivedAt()))
                            .addValue("status", route.filtered() ? "FILTERED" : "QUEUED")
                            .addValue("transformed", route.transformed())
                            .addValue("laneKey", DeliveryQueue.storedKey(laneKey))
                            .addValue("laneHash", DeliveryQueue.laneHash(laneKey));
                    deliveries.add(row);
                    if (!route.filtered()) {
                        queued.add(row);
                    }
                }
            }
            stored.add(new Stored(id, day, status, duplicateOf));
        }
        jdbc.batchUpdate("""
                insert into integration_messages(id, received_day, received_at, channel_code, control_id, message_type,
                    status, duplicate_of, raw, raw_bytes, transformed, error)
                values (:id, :day, :at, :channel, :control, :type, :status, :duplicateOf, :raw, :bytes, :transformed, :error)""",
                messages.toArray(SqlParameterSource[]::new));
        if (!deliveries.isEmpty()) {
            jdbc.batchUpdate("""
                    insert into integration_deliveries(message_id, received_day, destination, status, transformed, updated_at)
                    values (:id, :day, :destination, :status, :transformed, :at)""",
                    deliveries.toArray(SqlParameterSource[]::new));
            jdbc.batchUpdate("""
                    insert into integration_queue(channel_code, destination, message_id, received_day, next_attempt_at,
                        lane_key, lane_hash)
                    values (:channel, :destination, :id, :day, :at, :laneKey, :laneHash)""",
                    queued.toArray(SqlParameterSource[]::new));
            notifyNodes(queued);
        }
        return stored;
    }

    /** Delivered at commit to every node's {@link QueueNotices} (identical notices of one transaction are one). */
    private void notifyNodes(List<SqlParameterSource> queued) {
        String[] channels = queued.stream().map(row -> (String) row.getValue("channel")).distinct().toArray(String[]::new);
        if (channels.length > 0) {
            jdbc.query("select pg_notify(:topic, channel) from unnest(cast(:channels as text[])) as channel",
                    new MapSqlParameterSource().addValue("topic", QueueNotices.TOPIC).addValue("channels", channels),
                    (RowCallbackHandler) rs -> { });
        }
    }

    /**
     * The first not-errored message per channel and control id from earlier groups: one query per channel and
     * window, not one per message. The window starts at the group's earliest arrival, so it reaches back at most
     * the group's own span (well under a second) further than each message's.
     */
    private Map<String, Long> duplicates(List<Inbound> group) {
        Map<DuplicateScope, Set<String>> scopes = new HashMap<>();
        Map<DuplicateScope, Instant> earliest = new HashMap<>();
        for (Inbound in : group) {
            if (checksDuplicates(in)) {
                DuplicateScope scope = new DuplicateScope(in.channel(), in.duplicateWindow());
                scopes.computeIfAbsent(scope, s -> new LinkedHashSet<>()).add(in.controlId());
                earliest.merge(scope, in.receivedAt(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        lockControlIds(scopes);
        Map<String, Long> found = new HashMap<>();
        scopes.forEach((scope, controls) -> {
            Instant since = earliest.get(scope).minus(scope.window());
            jdbc.query("""
                            select control_id, min(id) as id from integration_messages
                            where channel_code = :channel and control_id in (:controls) and received_day >= :sinceDay
                              and received_at >= :since and duplicate_of is null and status <> 'ERRORED'
                            group by control_id""",
                    new MapSqlParameterSource().addValue("channel", scope.channel()).addValue("controls", controls)
                            .addValue("sinceDay", day(since)).addValue("since", Timestamp.from(since)),
                    (RowCallbackHandler) rs -> found.put(scope.channel() + '\u0000' + rs.getString("control_id"),
                            rs.getLong("id")));
        });
        return found;
    }

    /**
     * Nodes behind one VIP may take the same resend at the same moment: a transaction-scoped advisory lock per
     * channel and control id, taken in one order by every node (so two groups cannot deadlock), makes the second
     * group wait for the first to commit, and its duplicate query then sees the first one's row.
     */
    private void lockControlIds(Map<DuplicateScope, Set<String>> scopes) {
        List<String> keys = new ArrayList<>();
        scopes.forEach((scope, controls) -> controls.forEach(control -> keys.add(scope.channel() + ' ' + control)));
        if (keys.isEmpty()) {
            return;
        }
        jdbc.query("""
                        select pg_advisory_xact_lock(:namespace, key) from (
                            select distinct hashtext(k) as key from unnest(cast(:keys as text[])) as k order by key offset 0) ordered""",
                new MapSqlParameterSource().addValue("namespace", DUPLICATE_LOCKS).addValue("keys", keys.toArray(String[]::new)),
                (RowCallbackHandler) rs -> { });
    }

    private record DuplicateScope(String channel, Duration window) {
    }

    private static MessageCounters.Intake intake(MessageStatus status) {
        return switch (status) {
            case QUEUED -> MessageCounters.Intake.QUEUED;
            case ERRORED -> MessageCounters.Intake.ERRORED;
            default -> MessageCounters.Intake.FILTERED;
        };
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql) {
                return sql.getSQLState();
            }
        }
        return "none";
    }

    private static boolean checksDuplicates(Inbound in) {
        return in.duplicateWindow() != null && in.controlId() != null && !in.controlId().isBlank();
    }

    static LocalDate day(Instant at) {
        return at.atOffset(ZoneOffset.UTC).toLocalDate();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    @Override
    public void start() {
        Thread t = new Thread(this::run, "integration-message-writer");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    @Override
    public void stop() {
        Thread t = thread;
        thread = null;
        if (t != null) {
            try {
                t.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    /** Stops after the listeners (which have a higher phase) no longer submit. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 2000;
    }

    private record Pending(Inbound inbound, CompletableFuture<Stored> done) {
    }
}
