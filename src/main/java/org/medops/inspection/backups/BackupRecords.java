package org.medops.inspection.backups;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.medops.shared.ListRequest;
import org.medops.shared.ListSource;
import org.medops.shared.SortColumns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The backups taken ({@code inspection_backups}) and the plan ({@code inspection_backup_plan}). */
@Repository
class BackupRecords implements ListSource<BackupRecords.Filter, Backup> {

    static final SortColumns SORT = SortColumns.of("startedAt", false, "id", "startedAt", "started_at",
            "size", "size_bytes", "status", "status");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = """
            id, file_name, format, status, trigger, started_by, started_at, finished_at, size_bytes, sha256,
            schema_version, table_count, row_count, reason_code, reason_detail, removed_at""";

    /** {@code status} null: all; {@code since} null: any time. */
    record Filter(BackupStatus status, Instant since) {
    }

    private final JdbcClient jdbc;

    BackupRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long start(String fileName, BackupFormat format, BackupTrigger trigger, String by, Instant at) {
        return jdbc.sql("""
                        insert into inspection_backups(file_name, format, status, trigger, started_by, started_at)
                        values (:file, :format, 'RUNNING', :trigger, :by, :at) returning id""")
                .param("file", fileName).param("format", format.name()).param("trigger", trigger.name())
                .param("by", by).param("at", Timestamp.from(at)).query(Long.class).single();
    }

    void done(long id, Instant at, long size, String sha256, String schemaVersion, List<Backup.TableRows> tables) {
        jdbc.sql("""
                        update inspection_backups set status = 'DONE', finished_at = :at, size_bytes = :size,
                               sha256 = :sha, schema_version = :version, table_count = :tables, row_count = :rows,
                               tables = cast(:json as jsonb)
                         where id = :id""")
                .param("id", id).param("at", Timestamp.from(at)).param("size", size).param("sha", sha256)
                .param("version", schemaVersion).param("tables", tables.size())
                .param("rows", tables.stream().mapToLong(Backup.TableRows::rows).sum())
                .param("json", JSON.writeValueAsString(tables)).update();
    }

    void failed(long id, Instant at, String code, String detail) {
        jdbc.sql("""
                        update inspection_backups set status = 'FAILED', finished_at = :at, reason_code = :code,
                               reason_detail = :detail where id = :id""")
                .param("id", id).param("at", Timestamp.from(at)).param("code", code).param("detail", trim(detail))
                .update();
    }

    /** Backups a process left RUNNING when it ended (called only while no node holds the backup lock). */
    List<Backup> interruptRunning(Instant at) {
        return jdbc.sql("""
                        update inspection_backups set status = 'INTERRUPTED', finished_at = :at,
                               reason_code = 'process-ended' where status = 'RUNNING'""" + " returning " + COLUMNS)
                .param("at", Timestamp.from(at)).query(BackupRecords::backup).list();
    }

    /**
     * After a restore for real: the backup's own record was RUNNING in its snapshot; it is the backup that worked,
     * so it reads DONE (not cut off) on the restored platform. Nothing when the schema predates the table.
     */
    static void markRestored(java.sql.Connection connection, String fileName, long size, String sha256) {
        JdbcClient jdbc = JdbcClient.create(new org.springframework.jdbc.datasource.SingleConnectionDataSource(
                connection, true));
        if (Boolean.TRUE.equals(jdbc.sql("select to_regclass('inspection_backups') is not null").query(Boolean.class)
                .single())) {
            jdbc.sql("""
                            update inspection_backups set status = 'DONE', finished_at = started_at, size_bytes = :size,
                                   sha256 = :sha where file_name = :file and status = 'RUNNING'""")
                    .param("file", fileName).param("size", size).param("sha", sha256).update();
        }
    }

    void removed(long id, Instant at) {
        jdbc.sql("update inspection_backups set status = 'REMOVED', removed_at = :at where id = :id")
                .param("id", id).param("at", Timestamp.from(at)).update();
    }

    Optional<Backup> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from inspection_backups where id = :id").param("id", id)
                .query(BackupRecords::backup).optional();
    }

    /** Completed backups whose file should still be there, newest first. */
    List<Backup> done() {
        return jdbc.sql("select " + COLUMNS + " from inspection_backups where status = 'DONE' order by started_at desc, id desc")
                .query(BackupRecords::backup).list();
    }

    Optional<Backup> newestDone() {
        return done().stream().findFirst();
    }

    boolean scheduledSince(Instant since) {
        return jdbc.sql("select count(*) from inspection_backups where trigger = 'SCHEDULE' and started_at >= :since")
                .param("since", Timestamp.from(since)).query(Long.class).single() > 0;
    }

    List<Backup.TableRows> tables(long id) {
        String json = jdbc.sql("select tables::text from inspection_backups where id = :id").param("id", id)
                .query(String.class).single();
        return JSON.readValue(json, new TypeReference<List<Backup.TableRows>>() { });
    }

    @Override
    public List<Backup> rows(Filter filter, ListRequest.Sort sort, long offset, int limit) {
        return filtered(jdbc.sql("select " + COLUMNS + " from inspection_backups " + WHERE + " order by "
                        + SORT.orderBy(sort) + " limit :limit offset :offset"), filter).param("limit", limit).param("offset", offset)
                .query(BackupRecords::backup).list();
    }

    @Override
    public long count(Filter filter) {
        return filtered(jdbc.sql("select count(*) from inspection_backups " + WHERE), filter).query(Long.class).single();
    }

    Optional<BackupPlan> plan() {
        return jdbc.sql("select keep, daily_at, check_day, check_at from inspection_backup_plan where id = 1")
                .query((rs, n) -> new BackupPlan(rs.getInt(1), rs.getString(2), rs.getInt(3), rs.getString(4)))
                .optional();
    }

    void savePlan(BackupPlan plan, String by, Instant at) {
        jdbc.sql("""
                        insert into inspection_backup_plan(id, keep, daily_at, check_day, check_at, updated_at, updated_by)
                        values (1, :keep, :daily, :day, :check, :at, :by)
                        on conflict (id) do update set keep = excluded.keep, daily_at = excluded.daily_at,
                            check_day = excluded.check_day, check_at = excluded.check_at,
                            updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
                .param("keep", plan.keep()).param("daily", plan.dailyAt()).param("day", plan.checkDay())
                .param("check", plan.checkAt()).param("at", Timestamp.from(at)).param("by", by).update();
    }

    private static final String WHERE = """
             where (cast(:status as text) is null or status = cast(:status as text))
               and (cast(:since as timestamptz) is null or started_at >= cast(:since as timestamptz))""";

    private static JdbcClient.StatementSpec filtered(JdbcClient.StatementSpec spec, Filter filter) {
        return spec.param("status", filter.status() == null ? null : filter.status().name())
                .param("since", filter.since() == null ? null : Timestamp.from(filter.since()));
    }

    static String trim(String text) {
        return text == null || text.length() <= 2000 ? text : text.substring(0, 2000) + "…";
    }

    private static Backup backup(ResultSet rs, int n) throws SQLException {
        return new Backup(rs.getLong("id"), rs.getString("file_name"), BackupFormat.valueOf(rs.getString("format")),
                BackupStatus.valueOf(rs.getString("status")), BackupTrigger.valueOf(rs.getString("trigger")),
                rs.getString("started_by"), instant(rs, "started_at"), instant(rs, "finished_at"),
                (Long) rs.getObject("size_bytes"), rs.getString("sha256"), rs.getString("schema_version"),
                (Integer) rs.getObject("table_count"), (Long) rs.getObject("row_count"), rs.getString("reason_code"),
                rs.getString("reason_detail"), instant(rs, "removed_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
