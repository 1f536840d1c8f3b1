package org.medops.integration.store;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The day partitions as retention sees them: which exist, whether a queue entry still points at one, dropping one,
 * rewriting one with some channels' content nulled. DDL takes no bind parameters: table names and bounds are
 * built from dates, never from input; channel codes go in as bound parameters.
 */
@Repository
class RetentionPartitions {

    static final String MESSAGES = "integration_messages";
    static final String DELIVERIES = "integration_deliveries";
    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.BASIC_ISO_DATE;
    /**
     * Every stored message is updated once or twice (its deliveries' outcomes, its status): room left in each page
     * lets the new row version stay on its page (a HOT update: no new index entries, only the changed bytes in the
     * WAL) instead of moving and indexing a 2–3 KB row again.
     */
    static final String STORAGE = " with (fillfactor = 80)";

    private final NamedParameterJdbcTemplate jdbc;

    RetentionPartitions(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    static String partition(String table, LocalDate day) {
        return table + "_p" + SUFFIX.format(day);
    }

    /** The days that have a partition of the message table, oldest first. */
    List<LocalDate> days() {
        return jdbc.queryForList("""
                        select c.relname from pg_inherits i
                        join pg_class c on c.oid = i.inhrelid join pg_class p on p.oid = i.inhparent
                        where p.relname = :parent""", new MapSqlParameterSource("parent", MESSAGES), String.class)
                .stream().map(RetentionPartitions::day).flatMap(Optional::stream).sorted().toList();
    }

    private static Optional<LocalDate> day(String relation) {
        String prefix = MESSAGES + "_p";
        if (!relation.startsWith(prefix)) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(relation.substring(prefix.length()), SUFFIX));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Locks a day's two partitions against writes (reads go on); held until the transaction ends. */
    void lockAgainstWrites(LocalDate day) {
        jdbc.getJdbcTemplate().execute("lock table " + partition(MESSAGES, day) + ", " + partition(DELIVERIES, day)
                + " in share mode");
    }

    long queued(LocalDate day) {
        return jdbc.queryForObject("select count(*) from integration_queue where received_day = :day",
                new MapSqlParameterSource("day", day), Long.class);
    }

    long rows(String table, LocalDate day) {
        return jdbc.queryForObject("select count(*) from " + partition(table, day), new MapSqlParameterSource(), Long.class);
    }

    /** Whether any message of the day that is not of a kept channel still has content. */
    boolean hasContent(LocalDate day, Expiry expiry) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from " + partition(MESSAGES, day)
                + " m where m.raw is not null and " + expiry.condition("m") + ")", expiry.parameters(), Boolean.class));
    }

    void drop(LocalDate day) {
        jdbc.getJdbcTemplate().execute("drop table if exists " + partition(DELIVERIES, day));
        jdbc.getJdbcTemplate().execute("drop table if exists " + partition(MESSAGES, day));
    }

    /**
     * Copies a day's partitions into new tables with the content of the expired channels nulled, then swaps them in
     * (detach and drop the old, attach the new). Runs in the caller's transaction, after
     * {@link #lockAgainstWrites}: readers keep reading the old rows until the swap.
     */
    void rewrite(LocalDate day, Expiry expiry) {
        String messages = partition(MESSAGES, day);
        String deliveries = partition(DELIVERIES, day);
        copy(MESSAGES, messages, "m", List.of("raw", "raw_bytes", "transformed"), "from " + messages + " m", expiry);
        copy(DELIVERIES, deliveries, "d", List.of("sent", "response"), "from " + deliveries + " d left join "
                + messages + " m on m.id = d.message_id and m.received_day = d.received_day", expiry);
        index(messages + "_new", "primary key (id, received_day)");
        jdbc.getJdbcTemplate().execute("create index on " + messages + "_new (channel_code, received_at desc)");
        jdbc.getJdbcTemplate().execute("create index on " + messages + "_new (channel_code, control_id)");
        index(deliveries + "_new", "primary key (message_id, received_day, destination)");
        swap(MESSAGES, messages, day);
        swap(DELIVERIES, deliveries, day);
    }

    private void copy(String parent, String partition, String alias, List<String> content, String from, Expiry expiry) {
        List<String> columns = jdbc.queryForList("""
                        select column_name from information_schema.columns
                        where table_schema = current_schema() and table_name = :table order by ordinal_position""",
                new MapSqlParameterSource("table", partition), String.class);
        String select = columns.stream().map(c -> content.contains(c)
                        ? "case when " + expiry.condition("m") + " then null else " + alias + "." + c + " end"
                        : alias + "." + c)
                .collect(Collectors.joining(", "));
        jdbc.getJdbcTemplate().execute("create table " + partition + "_new (like " + parent
                + " including defaults including constraints)");
        jdbc.update("insert into " + partition + "_new (" + String.join(", ", columns) + ") select " + select + " " + from,
                expiry.parameters());
    }

    private void index(String table, String definition) {
        jdbc.getJdbcTemplate().execute("alter table " + table + " add " + definition);
    }

    private void swap(String parent, String partition, LocalDate day) {
        String bounds = "from ('" + day + "') to ('" + day.plusDays(1) + "')";
        // The check lets ATTACH skip its scan of the rows just copied.
        jdbc.getJdbcTemplate().execute("alter table " + partition + "_new add constraint " + partition
                + "_bounds check (received_day >= '" + day + "' and received_day < '" + day.plusDays(1) + "')");
        jdbc.getJdbcTemplate().execute("alter table " + parent + " detach partition " + partition);
        jdbc.getJdbcTemplate().execute("drop table " + partition);
        jdbc.getJdbcTemplate().execute("alter table " + partition + "_new rename to " + partition);
        jdbc.getJdbcTemplate().execute("alter table " + parent + " attach partition " + partition + " for values " + bounds);
        jdbc.getJdbcTemplate().execute("alter table " + partition + " drop constraint " + partition + "_bounds");
    }

    /** Creates a day's partitions; for days before the ones created ahead (imports, tests of retention). */
    void create(LocalDate day) {
        for (String table : List.of(MESSAGES, DELIVERIES)) {
            jdbc.getJdbcTemplate().execute("create table if not exists " + partition(table, day) + " partition of "
                    + table + " for values from ('" + day + "') to ('" + day.plusDays(1) + "')" + STORAGE);
        }
    }

    /**
     * Which messages of a day are past their content days: those of the listed channels, and with
     * {@code otherChannels}, those of every channel not in {@code known} (channels no longer stored get the default).
     */
    record Expiry(List<String> expired, List<String> known, boolean otherChannels) {

        boolean any() {
            return !expired.isEmpty() || otherChannels;
        }

        String condition(String alias) {
            String listed = expired.isEmpty() ? "false" : alias + ".channel_code in (:expired)";
            String others = !otherChannels ? "false"
                    : known.isEmpty() ? "true" : alias + ".channel_code not in (:known)";
            return "(" + listed + " or " + others + ")";
        }

        MapSqlParameterSource parameters() {
            return new MapSqlParameterSource().addValue("expired", expired.isEmpty() ? List.of("") : expired)
                    .addValue("known", known.isEmpty() ? List.of("") : known);
        }
    }
}
