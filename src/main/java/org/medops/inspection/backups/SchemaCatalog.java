package org.medops.inspection.backups;

import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The catalogue of one database as a backup and a restore read it, on one given connection (so inside its
 * transaction and snapshot): the ordinary tables of the current schema (partitions with their parent and bounds,
 * never a partitioned parent, whose rows are its partitions'), their columns, sequences, the Flyway version, counts.
 */
final class SchemaCatalog {

    /** A table of the schema; {@code parent}/{@code bound} only for a partition. */
    record TableInfo(String name, String parent, String bound) {
    }

    private final JdbcClient jdbc;

    private SchemaCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static SchemaCatalog on(Connection connection) {
        return new SchemaCatalog(JdbcClient.create(new SingleConnectionDataSource(connection, true)));
    }

    List<TableInfo> tables() {
        return jdbc.sql("""
                        select c.relname as name, p.relname as parent,
                               case when c.relispartition then pg_get_expr(c.relpartbound, c.oid) end as bound
                          from pg_class c
                          join pg_namespace n on n.oid = c.relnamespace
                          left join pg_inherits i on i.inhrelid = c.oid and c.relispartition
                          left join pg_class p on p.oid = i.inhparent
                         where n.nspname = current_schema() and c.relkind = 'r' and c.relpersistence = 'p'
                         order by c.relname""")
                .query((rs, n) -> new TableInfo(rs.getString("name"), rs.getString("parent"), rs.getString("bound")))
                .list();
    }

    /** A column and its type as {@code format_type} spells it. */
    record Column(String name, String type) {
    }

    /** The columns a {@code COPY} writes and reads, in order: generated columns are computed, never copied. */
    List<Column> columns(String table) {
        return jdbc.sql("""
                        select a.attname, format_type(a.atttypid, a.atttypmod) from pg_attribute a
                          join pg_class c on c.oid = a.attrelid
                          join pg_namespace n on n.oid = c.relnamespace
                         where n.nspname = current_schema() and c.relname = :table
                           and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
                         order by a.attnum""")
                .param("table", table).query((rs, n) -> new Column(rs.getString(1), rs.getString(2))).list();
    }

    void createTable(String table, List<String> columns, List<String> types) {
        List<String> definitions = new java.util.ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            definitions.add(quote(columns.get(i)) + " " + types.get(i));
        }
        jdbc.sql("create table " + quote(table) + " (" + String.join(", ", definitions) + ")").update();
    }

    /** Every sequence of the schema that was used, with its last value. */
    Map<String, Long> sequences() {
        Map<String, Long> values = new LinkedHashMap<>();
        jdbc.sql("""
                        select sequencename, last_value from pg_sequences
                         where schemaname = current_schema() and last_value is not null and last_value >= min_value
                         order by 1""")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list()
                .forEach(e -> values.put(e.getKey(), e.getValue()));
        return values;
    }

    void setSequence(String name, long value) {
        jdbc.sql("select setval(format('%I', cast(:name as text))::regclass, :value, true)").param("name", name)
                .param("value", value).query(Long.class).single();
    }

    /** The newest successful Flyway migration, empty when the schema has none. */
    Optional<String> schemaVersion() {
        boolean migrated = Boolean.TRUE.equals(jdbc.sql("select to_regclass('flyway_schema_history') is not null")
                .query(Boolean.class).single());
        if (!migrated) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select version from flyway_schema_history where success and version is not null
                         order by installed_rank desc limit 1""").query(String.class).optional();
    }

    long count(String table) {
        return jdbc.sql("select count(*) from " + quote(table)).query(Long.class).single();
    }

    String serverVersion() {
        return jdbc.sql("show server_version").query(String.class).single();
    }

    int serverMajor() {
        return jdbc.sql("select current_setting('server_version_num')::int / 10000").query(Integer.class).single();
    }

    /** For the restore: triggers (the audit trail's append-only guard) and foreign keys stay quiet while loading. */
    void quietTriggers() {
        jdbc.sql("set local session_replication_role = replica").update();
    }

    void createPartition(String table, String parent, String bound) {
        jdbc.sql("create table " + quote(table) + " partition of " + quote(parent) + " " + bound).update();
    }

    void truncate(List<String> tables) {
        if (!tables.isEmpty()) {
            jdbc.sql("truncate " + String.join(", ", tables.stream().map(SchemaCatalog::quote).toList())
                    + " restart identity cascade").update();
        }
    }

    String exportSnapshot() {
        return jdbc.sql("select pg_export_snapshot()").query(String.class).single();
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    static String columnList(List<String> columns) {
        return "(" + String.join(", ", columns.stream().map(SchemaCatalog::quote).toList()) + ")";
    }
}
