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

/** The backup checks ({@code inspection_backup_checks}) and their table-by-table counts. */
@Repository
class CheckRecords implements ListSource<CheckRecords.Filter, BackupCheck> {

    static final SortColumns SORT = SortColumns.of("startedAt", false, "id", "startedAt", "started_at",
            "status", "status", "duration", "duration_ms");
    private static final String COLUMNS = """
            id, backup_id, file_name, status, trigger, started_by, started_at, finished_at, duration_ms, backup_size,
            backup_taken_at, schema_version, table_count, backup_rows, restored_rows, live_rows, mismatches,
            reason_code, reason_detail""";
    private static final String WHERE = """
             where (cast(:status as text) is null or status = cast(:status as text))
               and (cast(:since as timestamptz) is null or started_at >= cast(:since as timestamptz))""";

    /** {@code status} null: all; {@code since} null: any time. */
    record Filter(CheckStatus status, Instant since) {
    }

    /** What the check found, written once it has finished. */
    record Outcome(CheckStatus status, Instant finishedAt, long durationMs, String schemaVersion,
                   List<BackupCheck.TableResult> tables, String reasonCode, String reasonDetail) {
    }

    private final JdbcClient jdbc;

    CheckRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long start(Backup backup, BackupTrigger trigger, String by, Instant at) {
        return jdbc.sql("""
                        insert into inspection_backup_checks(backup_id, file_name, status, trigger, started_by, started_at,
                               backup_size, backup_taken_at, schema_version)
                        values (:backup, :file, 'RUNNING', :trigger, :by, :at, :size, :taken, :version) returning id""")
                .param("backup", backup == null ? null : backup.id())
                .param("file", backup == null ? null : backup.fileName())
                .param("trigger", trigger.name()).param("by", by).param("at", Timestamp.from(at))
                .param("size", backup == null ? null : backup.sizeBytes())
                .param("taken", backup == null ? null : Timestamp.from(backup.startedAt()))
                .param("version", backup == null ? null : backup.schemaVersion())
                .query(Long.class).single();
    }

    void finish(long id, Outcome outcome) {
        List<BackupCheck.TableResult> tables = outcome.tables();
        for (BackupCheck.TableResult table : tables) {
            jdbc.sql("""
                            insert into inspection_backup_check_tables(check_id, table_name, backup_rows, restored_rows,
                                   live_rows, matches) values (:id, :table, :backup, :restored, :live, :matches)""")
                    .param("id", id).param("table", table.table()).param("backup", table.backupRows())
                    .param("restored", table.restoredRows()).param("live", table.liveRows())
                    .param("matches", table.matches()).update();
        }
        boolean counted = !tables.isEmpty();
        jdbc.sql("""
                        update inspection_backup_checks set status = :status, finished_at = :at, duration_ms = :ms,
                               schema_version = coalesce(:version, schema_version), table_count = :tables,
                               backup_rows = :backupRows, restored_rows = :restoredRows, live_rows = :liveRows,
                               mismatches = :mismatches, reason_code = :code, reason_detail = :detail
                         where id = :id""")
                .param("id", id).param("status", outcome.status().name())
                .param("at", Timestamp.from(outcome.finishedAt())).param("ms", outcome.durationMs())
                .param("version", outcome.schemaVersion()).param("tables", counted ? tables.size() : null)
                .param("backupRows", counted ? sum(tables, BackupCheck.TableResult::backupRows) : null)
                .param("restoredRows", counted ? sum(tables, BackupCheck.TableResult::restoredRows) : null)
                .param("liveRows", counted ? sum(tables, BackupCheck.TableResult::liveRows) : null)
                .param("mismatches", counted ? (int) tables.stream().filter(t -> !t.matches()).count() : null)
                .param("code", outcome.reasonCode()).param("detail", BackupRecords.trim(outcome.reasonDetail()))
                .update();
    }

    /** Checks a process left RUNNING when it ended (called only while no node holds the check lock). */
    int interruptRunning(Instant at) {
        return jdbc.sql("""
                        update inspection_backup_checks set status = 'FAILED', finished_at = :at,
                               reason_code = 'process-ended' where status = 'RUNNING'""")
                .param("at", Timestamp.from(at)).update();
    }

    Optional<BackupCheck> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from inspection_backup_checks where id = :id").param("id", id)
                .query(CheckRecords::check).optional()
                .map(check -> check.with(jdbc.sql("""
                                select table_name, backup_rows, restored_rows, live_rows, matches
                                  from inspection_backup_check_tables where check_id = :id
                                 order by matches, table_name""").param("id", id)
                        .query((rs, n) -> new BackupCheck.TableResult(rs.getString(1), (Long) rs.getObject(2),
                                (Long) rs.getObject(3), (Long) rs.getObject(4), rs.getBoolean(5))).list()));
    }

    Optional<BackupCheck> newest() {
        return jdbc.sql("select " + COLUMNS + " from inspection_backup_checks order by started_at desc, id desc limit 1")
                .query(CheckRecords::check).optional();
    }

    boolean scheduledSince(Instant since) {
        return jdbc.sql("select count(*) from inspection_backup_checks where trigger = 'SCHEDULE' and started_at >= :since")
                .param("since", Timestamp.from(since)).query(Long.class).single() > 0;
    }

    @Override
    public List<BackupCheck> rows(Filter filter, ListRequest.Sort sort, long offset, int limit) {
        return filtered(jdbc.sql("select " + COLUMNS + " from inspection_backup_checks " + WHERE + " order by "
                + SORT.orderBy(sort) + " limit :limit offset :offset"), filter)
                .param("limit", limit).param("offset", offset).query(CheckRecords::check).list();
    }

    @Override
    public long count(Filter filter) {
        return filtered(jdbc.sql("select count(*) from inspection_backup_checks " + WHERE), filter)
                .query(Long.class).single();
    }

    private static JdbcClient.StatementSpec filtered(JdbcClient.StatementSpec spec, Filter filter) {
        return spec.param("status", filter.status() == null ? null : filter.status().name())
                .param("since", filter.since() == null ? null : Timestamp.from(filter.since()));
    }

    private static Long sum(List<BackupCheck.TableResult> tables,
                            java.util.function.Function<BackupCheck.TableResult, Long> value) {
        return tables.stream().map(value).filter(java.util.Objects::nonNull).mapToLong(Long::longValue).sum();
    }

    private static BackupCheck check(ResultSet rs, int n) throws SQLException {
        return new BackupCheck(rs.getLong("id"), (Long) rs.getObject("backup_id"), rs.getString("file_name"),
                CheckStatus.valueOf(rs.getString("status")), BackupTrigger.valueOf(rs.getString("trigger")),
                rs.getString("started_by"), BackupRecords.instant(rs, "started_at"),
                BackupRecords.instant(rs, "finished_at"), (Long) rs.getObject("duration_ms"),
                (Long) rs.getObject("backup_size"), BackupRecords.instant(rs, "backup_taken_at"),
                rs.getString("schema_version"), (Integer) rs.getObject("table_count"),
                (Long) rs.getObject("backup_rows"), (Long) rs.getObject("restored_rows"),
                (Long) rs.getObject("live_rows"), (Integer) rs.getObject("mismatches"), rs.getString("reason_code"),
                rs.getString("reason_detail"), List.of());
    }
}
