package org.medops.inspection.checks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Database checks over JDBC, PostgreSQL and MySQL/MariaDB (through the MariaDB driver, which speaks to both), and
 * MedOps's own PostgreSQL through its pool. Every query runs read-only under the check's time limit; the queries
 * and their rows are the evidence.
 */
@Component
class DatabaseChecks {

    private static final double GB = 1024.0 * 1024 * 1024;

    private final DataSource own;
    private final Duration connectTimeout;

    DatabaseChecks(DataSource own, @Value("${medops.inspection.connect-timeout:5s}") Duration connectTimeout) {
        this.own = own;
        this.connectTimeout = connectTimeout;
    }

    CheckResult run(Endpoint endpoint, CheckCode check, CheckSetting setting, Duration limit) throws SQLException {
        boolean mysql = endpoint.kind() == TargetKind.MYSQL;
        try (Connection connection = connect(endpoint, limit)) {
            // Autocommit off, or PgJDBC does not send the read-only flag: a queue query can read, never write.
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            Query q = new Query(connection, limit);
            try {
                return switch (check) {
                    case DB_UP -> up(q);
                    case DB_SIZE -> size(q, mysql, setting);
                    case CONNECTIONS -> connections(q, mysql, setting);
                    case REPLICATION -> mysql ? mysqlReplication(q, setting) : pgReplication(q, setting);
                    case LONG_TRANSACTIONS -> longTransactions(q, mysql, setting);
                    case BLOAT -> bloat(q, mysql, setting);
                    case QUEUE_DEPTH -> queue(q, setting);
                    default -> throw new IllegalArgumentException(check + " is not a database check");
                };
            } finally {
                connection.rollback();
            }
        }
    }

    String test(Endpoint endpoint, Duration limit) throws SQLException {
        try (Connection connection = connect(endpoint, limit)) {
            Query q = new Query(connection, limit);
            return q.evidence("select version()", q.rows("select version()"));
        }
    }

    Connection connect(Endpoint endpoint, Duration limit) throws SQLException {
        if (endpoint.kind() == TargetKind.MEDOPS) {
            return own.getConnection();
        }
        String url = url(endpoint);
        Properties props = new Properties();
        if (endpoint.username() != null) {
            props.setProperty("user", endpoint.username());
        }
        String password = endpoint.secretOf("password");
        if (password != null) {
            props.setProperty("password", password);
        }
        if (endpoint.kind() == TargetKind.MYSQL) {
            props.setProperty("connectTimeout", String.valueOf(connectTimeout.toMillis()));
            props.setProperty("socketTimeout", String.valueOf(limit.toMillis()));
        } else {
            props.setProperty("connectTimeout", String.valueOf(Math.max(1, connectTimeout.toSeconds())));
            props.setProperty("loginTimeout", String.valueOf(Math.max(1, connectTimeout.toSeconds())));
            props.setProperty("socketTimeout", String.valueOf(Math.max(1, limit.toSeconds())));
            props.setProperty("ApplicationName", "medops-inspection");
        }
        return DriverManager.getConnection(url, props);
    }

    /**
     * Only the two drivers the kinds name: a JDBC URL is code to the driver it picks, so no other prefix is taken.
     * {@code jdbc:mysql:} goes to the MariaDB driver, which speaks MySQL's protocol.
     */
    static String url(Endpoint endpoint) throws SQLException {
        String url = endpoint.url() == null ? "" : endpoint.url().strip();
        if (endpoint.kind() == TargetKind.POSTGRESQL && url.startsWith("jdbc:postgresql://")) {
            return url;
        }
        if (endpoint.kind() == TargetKind.MYSQL) {
            if (url.startsWith("jdbc:mysql://")) {
                return "jdbc:mariadb://" + url.substring("jdbc:mysql://".length());
            }
            if (url.startsWith("jdbc:mariadb://")) {
                return url;
            }
        }
        throw new SQLException("not a " + endpoint.kind() + " JDBC URL: " + url);
    }

    private static CheckResult up(Query q) throws SQLException {
        List<List<String>> rows = q.rows("select version()");
        String version = rows.isEmpty() ? "?" : rows.get(0).get(0);
        return new CheckResult(CheckCode.DB_UP, Outcome.PASS, CheckResult.trim(version, 120), null,
                q.evidence("select version()", rows));
    }

    private static CheckResult size(Query q, boolean mysql, CheckSetting setting) throws SQLException {
        String sql = mysql ? """
                select table_schema, sum(data_length + index_length) as bytes from information_schema.tables
                group by table_schema order by bytes desc"""
                : "select datname, pg_database_size(datname) as bytes from pg_database where not datistemplate order by 2 desc";
        List<List<String>> rows = q.rows(sql);
        double total = rows.stream().mapToDouble(r -> number(r.get(1))).sum() / GB;
        StringBuilder evidence = new StringBuilder(q.evidence(sql, rows));
        if (!mysql) {
            String spaces = "select spcname, pg_tablespace_size(oid) from pg_tablespace order by 2 desc";
            evidence.append("\n").append(q.evidence(spaces, q.rows(spaces)));
        }
        CheckCode.Limit limit = setting.limit(CheckCode.DB_SIZE);
        return new CheckResult(CheckCode.DB_SIZE, limit.grade(total), String.format(Locale.ROOT, "%.2f GB", total),
                limit.text(), evidence.toString());
    }

    private static CheckResult connections(Query q, boolean mysql, CheckSetting setting) throws SQLException {
        String usedSql = mysql ? "show global status like 'Threads_connected'" : "select count(*) from pg_stat_activity";
        String maxSql = mysql ? "show variables like 'max_connections'" : "show max_connections";
        List<List<String>> used = q.rows(usedSql);
        List<List<String>> max = q.rows(maxSql);
        double u = number(used.get(0).get(mysql ? 1 : 0));
        double m = number(max.get(0).get(mysql ? 1 : 0));
        double percent = m == 0 ? 0 : u * 100 / m;
        CheckCode.Limit limit = setting.limit(CheckCode.CONNECTIONS);
        return new CheckResult(CheckCode.CONNECTIONS, limit.grade(percent),
                (long) u + "/" + (long) m + " (" + CheckCode.number(percent) + "%)", limit.text(),
                q.evidence(usedSql, used) + "\n" + q.evidence(maxSql, max));
    }

    /**
     * A primary lists its standbys in {@code pg_stat_replication} (state, replay lag); a standby reports how far
     * its replay is behind. {@code expected} standbys missing fail; none expected and none there passes.
     */
    private static CheckResult pgReplication(Query q, CheckSetting setting) throws SQLException {
        CheckCode.Limit limit = setting.limit(CheckCode.REPLICATION);
        List<List<String>> recovery = q.rows("select pg_is_in_recovery()");
        if ("t".equals(recovery.get(0).get(0)) || "true".equals(recovery.get(0).get(0))) {
            String sql = "select coalesce(extract(epoch from now() - pg_last_xact_replay_timestamp()), 0)::bigint as lag_s,"
                    + " (select status from pg_stat_wal_receiver) as receiver";
            List<List<String>> rows = q.rows(sql);
            double lag = number(rows.get(0).get(0));
            String receiver = rows.get(0).get(1);
            Outcome outcome = "streaming".equals(receiver) ? limit.grade(lag) : Outcome.FAIL;
            return new CheckResult(CheckCode.REPLICATION, outcome, "standby, " + receiver + ", lag " + (long) lag + " s",
                    limit.text(), q.evidence(sql, rows));
        }
        String sql = """
                select application_name, client_addr, state, sync_state,
                    coalesce(extract(epoch from replay_lag), 0)::bigint as lag_s from pg_stat_replication""";
        List<List<String>> rows = q.rows(sql);
        long streaming = rows.stream().filter(r -> "streaming".equals(r.get(2))).count();
        double lag = rows.stream().mapToDouble(r -> number(r.get(4))).max().orElse(0);
        int expected = setting.expected() == null ? 0 : setting.expected();
        Outcome outcome = streaming < expected ? Outcome.FAIL : limit.grade(lag);
        return new CheckResult(CheckCode.REPLICATION, outcome, "primary, " + streaming + "/" + expected
                + " standbys streaming, lag " + (long) lag + " s", limit.text(), q.evidence(sql, rows));
    }

    private static CheckResult mysqlReplication(Query q, CheckSetting setting) throws SQLException {
        CheckCode.Limit limit = setting.limit(CheckCode.REPLICATION);
        String sql = "show replica status";
        List<List<String>> rows;
        List<String> columns;
        try {
            columns = new ArrayList<>();
            rows = q.rows(sql, columns);
        } catch (SQLException older) {
            sql = "show slave status";
            columns = new ArrayList<>();
            rows = q.rows(sql, columns);
        }
        int expected = setting.expected() == null ? 0 : setting.expected();
        if (rows.isEmpty()) {
            return new CheckResult(CheckCode.REPLICATION, expected > 0 ? Outcome.FAIL : Outcome.PASS,
                    "not a replica", limit.text(), "$ " + sql + "\n(no rows)");
        }
        List<String> row = rows.get(0);
        String io = column(columns, row, "Replica_IO_Running", "Slave_IO_Running");
        String sqlRunning = column(columns, row, "Replica_SQL_Running", "Slave_SQL_Running");
        String behind = column(columns, row, "Seconds_Behind_Source", "Seconds_Behind_Master");
        String error = column(columns, row, "Last_Error", "Last_Error");
        boolean running = "Yes".equalsIgnoreCase(io) && "Yes".equalsIgnoreCase(sqlRunning);
        double lag = behind == null ? Double.MAX_VALUE : number(behind);
        Outcome outcome = running && behind != null ? limit.grade(lag) : Outcome.FAIL;
        String evidence = "$ " + sql + "\nIO_Running=" + io + " SQL_Running=" + sqlRunning + " Seconds_Behind=" + behind
                + (error == null || error.isBlank() ? "" : "\nLast_Error=" + error);
        return new CheckResult(CheckCode.REPLICATION, outcome, "replica, IO " + io + ", SQL " + sqlRunning + ", lag "
                + (behind == null ? "?" : behind) + " s", limit.text(), evidence);
    }

    private static CheckResult longTransactions(Query q, boolean mysql, CheckSetting setting) throws SQLException {
        String sql = mysql ? """
                select trx_mysql_thread_id, timestampdiff(second, trx_started, now()) as age_s, trx_state,
                    left(coalesce(trx_query, ''), 200) from information_schema.innodb_trx order by trx_started limit 5"""
                : """
                select pid, usename, state, extract(epoch from now() - xact_start)::bigint as age_s, left(query, 200)
                from pg_stat_activity where xact_start is not null and pid <> pg_backend_pid()
                    and backend_type = 'client backend' order by xact_start limit 5""";
        List<List<String>> rows = q.rows(sql);
        int ageColumn = mysql ? 1 : 3;
        double oldest = rows.stream().mapToDouble(r -> number(r.get(ageColumn))).max().orElse(0);
        CheckCode.Limit limit = setting.limit(CheckCode.LONG_TRANSACTIONS);
        return new CheckResult(CheckCode.LONG_TRANSACTIONS, limit.grade(oldest), (long) oldest + " s", limit.text(),
                q.evidence(sql, rows));
    }

    /** The worst table by dead rows (PostgreSQL) or free space inside its data file (InnoDB). */
    private static CheckResult bloat(Query q, boolean mysql, CheckSetting setting) throws SQLException {
        String sql = mysql ? """
                select concat(table_schema, '.', table_name), data_length + index_length, data_free,
                    round(100 * data_free / (data_length + index_length + data_free), 1) as pct
                from information_schema.tables
                where table_schema not in ('mysql', 'information_schema', 'performance_schema', 'sys')
                    and data_free > 10485760 order by pct desc limit 5"""
                : """
                select schemaname || '.' || relname, n_live_tup, n_dead_tup,
                    round(100.0 * n_dead_tup / (n_live_tup + n_dead_tup), 1) as pct
                from pg_stat_user_tables where n_dead_tup > 1000 order by pct desc limit 5""";
        List<List<String>> rows = q.rows(sql);
        double worst = rows.stream().mapToDouble(r -> number(r.get(3))).max().orElse(0);
        CheckCode.Limit limit = setting.limit(CheckCode.BLOAT);
        return new CheckResult(CheckCode.BLOAT, limit.grade(worst),
                CheckCode.number(worst) + "%" + (rows.isEmpty() ? "" : " " + rows.get(0).get(0)), limit.text(),
                q.evidence(sql, rows));
    }

    /** The target's own query (read-only), its first column of the first row the depth. */
    private static CheckResult queue(Query q, CheckSetting setting) throws SQLException {
        if (setting.query() == null) {
            return CheckResult.error(CheckCode.QUEUE_DEPTH, "no queue query set", null);
        }
        List<List<String>> rows = q.rows(setting.query());
        if (rows.isEmpty() || rows.get(0).isEmpty()) {
            return CheckResult.error(CheckCode.QUEUE_DEPTH, "the query returned no row", q.evidence(setting.query(), rows));
        }
        double depth = number(rows.get(0).get(0));
        CheckCode.Limit limit = setting.limit(CheckCode.QUEUE_DEPTH);
        return new CheckResult(CheckCode.QUEUE_DEPTH, limit.grade(depth), CheckCode.number(depth), limit.text(),
                q.evidence(setting.query(), rows));
    }

    private static String column(List<String> columns, List<String> row, String name, String older) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).equalsIgnoreCase(name) || columns.get(i).equalsIgnoreCase(older)) {
                return row.get(i);
            }
        }
        return null;
    }

    static double number(String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Queries under the time limit, rows as text (at most 50). */
    record Query(Connection connection, Duration limit) {

        List<List<String>> rows(String sql) throws SQLException {
            return rows(sql, new ArrayList<>());
        }

        List<List<String>> rows(String sql, List<String> columns) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                statement.setQueryTimeout((int) Math.max(1, limit.toSeconds()));
                statement.setMaxRows(50);
                try (ResultSet rs = statement.executeQuery(sql)) {
                    ResultSetMetaData meta = rs.getMetaData();
                    for (int c = 1; c <= meta.getColumnCount(); c++) {
                        columns.add(meta.getColumnLabel(c));
                    }
                    List<List<String>> rows = new ArrayList<>();
                    while (rs.next()) {
                        List<String> row = new ArrayList<>();
                        for (int c = 1; c <= meta.getColumnCount(); c++) {
                            row.add(rs.getString(c));
                        }
                        rows.add(row);
                    }
                    return rows;
                }
            }
        }

        String evidence(String sql, List<List<String>> rows) {
            StringBuilder text = new StringBuilder("> ").append(sql.replaceAll("\\s+", " ").strip()).append('\n');
            for (List<String> row : rows) {
                text.append(String.join(" | ", row.stream().map(v -> v == null ? "" : v).toList())).append('\n');
            }
            if (rows.isEmpty()) {
                text.append("(no rows)\n");
            }
            return text.toString();
        }
    }
}
