package org.medops.dataops.requests;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.medops.inspection.DatabaseTargets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Runs a request's statements on its target in one transaction, each bounded by the statement timeout: a preview
 * runs what it can and always rolls back; an execution runs everything and commits only when the counted rows equal
 * the expected number. Before-images are selected in the same transaction, just before each UPDATE or DELETE.
 */
@Component
class TargetRunner {

    private static final Logger log = LoggerFactory.getLogger(TargetRunner.class);
    private static final int VALUE_LIMIT = 500;
    private static final int ERROR_LIMIT = 1000;

    private final DatabaseTargets targets;
    private final Duration statementTimeout;
    private final Clock clock;

    TargetRunner(DatabaseTargets targets, @Value("${medops.dataops.statement-timeout:30s}") Duration statementTimeout,
                 Clock clock) {
        this.targets = targets;
        this.statementTimeout = statementTimeout;
        this.clock = clock;
    }

    /** Runs the previewable statements, each in a savepoint so one failing does not hide the others; rolls back. */
    Run preview(String target, Script script, String by) {
        Instant at = clock.instant();
        long started = System.nanoTime();
        List<Run.StatementResult> results = new ArrayList<>();
        try (Connection connection = open(target)) {
            try {
                for (Script.Statement s : script.statements()) {
                    if (!s.kind().previewable()) {
                        results.add(new Run.StatementResult(s.index(), s.sql(), s.kind(), false, null, null, null));
                        continue;
                    }
                    Savepoint savepoint = connection.setSavepoint();
                    try {
                        Run.BeforeImage before = beforeImage(connection, s);
                        long rows = run(connection, s);
                        results.add(new Run.StatementResult(s.index(), s.sql(), s.kind(), true, rows, before, null));
                    } catch (SQLException e) {
                        connection.rollback(savepoint);
                        results.add(new Run.StatementResult(s.index(), s.sql(), s.kind(), false, null, null, why(e)));
                    }
                }
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            log.info("Data operation preview on {} could not run: {}", target, PatientColumns.maskText(why(e)));
            return new Run(at, by, millis(started), Run.Outcome.FAILED, results, total(results), why(e));
        }
        return new Run(at, by, millis(started), Run.Outcome.PREVIEWED, results, total(results), null);
    }

    /**
     * Runs every statement; commits when the counted rows are {@code expected}, else rolls everything back. Just
     * before the commit, {@code journal} gets the run (before-images and row counts): if MedOps dies between the
     * journal and the outcome, the next start knows the target may have committed, and shows what the rows were.
     */
    Run execute(String target, Script script, long expected, String by, java.util.function.Consumer<Run> journal) {
        Instant at = clock.instant();
        long started = System.nanoTime();
        List<Run.StatementResult> results = new ArrayList<>();
        try (Connection connection = open(target)) {
            boolean committed = false;
            try {
                for (Script.Statement s : script.statements()) {
                    try {
                        Run.BeforeImage before = beforeImage(connection, s);
                        long rows = run(connection, s);
                        results.add(new Run.StatementResult(s.index(), s.sql(), s.kind(), true,
                                s.kind().counted() ? rows : null, before, null));
                    } catch (SQLException e) {
                        results.add(new Run.StatementResult(s.index(), s.sql(), s.kind(), false, null, null, why(e)));
                        connection.rollback();
                        return new Run(at, by, millis(started), Run.Outcome.FAILED, results, total(results), why(e));
                    }
                }
                long total = total(results);
                if (total != expected) {
                    connection.rollback();
                    return new Run(at, by, millis(started), Run.Outcome.ROWS_DIFFER, results, total,
                            "expected " + expected + " rows, affected " + total);
                }
                Run run = new Run(at, by, millis(started), Run.Outcome.COMMITTED, results, total, null);
                journal.accept(run.committing());
                connection.commit();
                committed = true;
                return run;
            } finally {
                if (!committed) {
                    connection.rollback();
                }
            }
        } catch (SQLException e) {
            log.info("Data operation on {} could not run: {}", target, PatientColumns.maskText(why(e)));
            return new Run(at, by, millis(started), Run.Outcome.FAILED, results, total(results), why(e));
        }
    }

    private Connection open(String target) throws SQLException {
        Connection connection = targets.open(target, statementTimeout.plusSeconds(10));
        connection.setAutoCommit(false);
        return connection;
    }

    private long run(Connection connection, Script.Statement s) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(timeoutSeconds());
            boolean resultSet = statement.execute(s.sql());
            long count = resultSet ? 0 : statement.getLargeUpdateCount();
            return Math.max(0, count);
        }
    }

    /**
     * The rows an UPDATE or DELETE is about to touch, selected in a savepoint: a WHERE clause of a form this simple
     * reading gets wrong (PostgreSQL's {@code UPDATE … FROM}, {@code RETURNING}) costs the image, not the transaction.
     */
    private Run.BeforeImage beforeImage(Connection connection, Script.Statement s) throws SQLException {
        if (s.kind() != StatementKind.UPDATE && s.kind() != StatementKind.DELETE) {
            return null;
        }
        if (s.rowsQuery() == null) {
            return new Run.BeforeImage(List.of(), List.of(), false, "not-parsed");
        }
        Savepoint savepoint = connection.setSavepoint();
        try (Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(timeoutSeconds());
            statement.setMaxRows(Run.BeforeImage.LIMIT + 1);
            try (ResultSet rs = statement.executeQuery(s.rowsQuery())) {
                ResultSetMetaData meta = rs.getMetaData();
                List<String> columns = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    columns.add(meta.getColumnLabel(i));
                }
                List<List<String>> rows = new ArrayList<>();
                boolean truncated = false;
                while (rs.next()) {
                    if (rows.size() == Run.BeforeImage.LIMIT) {
                        truncated = true;
                        break;
                    }
                    List<String> row = new ArrayList<>(columns.size());
                    for (int i = 1; i <= columns.size(); i++) {
                        String value = rs.getString(i);
                        row.add(value == null || value.length() <= VALUE_LIMIT ? value : value.substring(0, VALUE_LIMIT) + "…");
                    }
                    rows.add(row);
                }
                connection.releaseSavepoint(savepoint);
                return new Run.BeforeImage(columns, rows, truncated, null);
            }
        } catch (SQLException e) {
            connection.rollback(savepoint);
            return new Run.BeforeImage(List.of(), List.of(), false, why(e));
        }
    }

    private int timeoutSeconds() {
        return (int) Math.max(1, statementTimeout.toSeconds());
    }

    private static long total(List<Run.StatementResult> results) {
        return results.stream().filter(r -> r.affectedRows() != null).mapToLong(Run.StatementResult::affectedRows).sum();
    }

    private static long millis(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    private static String why(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        return message.length() <= ERROR_LIMIT ? message : message.substring(0, ERROR_LIMIT) + "…";
    }
}
