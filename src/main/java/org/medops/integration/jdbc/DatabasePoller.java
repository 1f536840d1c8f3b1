package org.medops.integration.jdbc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.medops.integration.channels.DeployedChannel;
import org.medops.integration.intake.PollLocks;
import org.medops.integration.store.Stored;
import org.medops.integration.targets.JdbcTargets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One poll of a database source: under the channel's lock, run the query, store each row as one JSON message
 * (column → field), and only once it is stored run the mark with the row's columns as parameters. Store first,
 * mark second: a crash in between re-reads the row, which the store then takes as a duplicate of its own key.
 */
final class DatabasePoller {

    private static final Logger log = LoggerFactory.getLogger(DatabasePoller.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_ROWS = 1000;

    private final JdbcTargets targets;
    private final DatabaseIntake intake;
    private final PollLocks locks;
    private final TransactionTemplate transactions;
    private volatile DeployedChannel channel;

    DatabasePoller(DeployedChannel channel, JdbcTargets targets, DatabaseIntake intake, PollLocks locks,
                   TransactionTemplate transactions) {
        this.channel = channel;
        this.targets = targets;
        this.intake = intake;
        this.locks = locks;
        this.transactions = transactions;
    }

    DeployedChannel channel() {
        return channel;
    }

    void update(DeployedChannel changed) {
        this.channel = changed;
    }

    /** Answers how many rows were stored and marked; 0 when another node holds the lock. */
    int poll() {
        DeployedChannel current = channel;
        Integer done = transactions.execute(status -> locks.tryLock(current.code()) ? read(current) : 0);
        return done == null ? 0 : done;
    }

    private int read(DeployedChannel current) {
        var source = current.document().source();
        JdbcTemplate jdbc = new JdbcTemplate(targets.dataSource(source.target()));
        jdbc.setMaxRows(MAX_ROWS);
        jdbc.setQueryTimeout(30);
        List<Map<String, Object>> rows = jdbc.query(source.query(), (rs, n) -> row(rs));
        if (rows.isEmpty()) {
            return 0;
        }
        String queryKey = queryKey(source.query());
        List<CompletableFuture<Stored>> stored = new ArrayList<>(rows.size());
        for (Map<String, Object> row : rows) {
            stored.add(intake.submit(current.document(), json(row), "db-" + queryKey + "-" + rowId(row)));
        }
        NamedParameterJdbcTemplate marks = new NamedParameterJdbcTemplate(jdbc);
        int marked = 0;
        for (int i = 0; i < rows.size(); i++) {
            try {
                Stored message = stored.get(i).get(30, TimeUnit.SECONDS);
                marks.update(source.mark(), JsonParameters.ofRow(rows.get(i)));
                marked++;
                if (message.duplicate()) {
                    log.info("Channel {}: row {} was stored before as message {}, marked now", current.code(),
                            rowId(rows.get(i)), message.duplicateOf());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException | TimeoutException e) {
                // Not marked: the row is read again next round (and is a duplicate if it was stored after all).
                log.warn("Channel {}: row {} not stored ({}), read again next round", current.code(), rowId(rows.get(i)),
                        e.getClass().getSimpleName());
            }
        }
        return marked;
    }

    private static Map<String, Object> row(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        Map<String, Object> row = new LinkedHashMap<>();
        for (int c = 1; c <= meta.getColumnCount(); c++) {
            row.put(meta.getColumnLabel(c), rs.getObject(c));
        }
        return row;
    }

    /** The row's {@code id} column (any case), else its first column. */
    static Object rowId(Map<String, Object> row) {
        return row.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("id")).map(Map.Entry::getValue)
                .findFirst().orElseGet(() -> row.values().iterator().next());
    }

    private static String json(Map<String, Object> row) {
        ObjectNode node = JSON.createObjectNode();
        row.forEach((column, value) -> {
            if (value == null) {
                node.putNull(column);
            } else if (value instanceof Number || value instanceof Boolean) {
                node.set(column, JSON.valueToTree(value));
            } else if (value instanceof Timestamp at) {
                node.put(column, at.toInstant().toString());
            } else if (value instanceof byte[] bytes) {
                node.put(column, new String(bytes, StandardCharsets.UTF_8));
            } else {
                node.put(column, value.toString());
            }
        });
        return JSON.writeValueAsString(node);
    }

    /** Part of each row's key: the same id read by another query is another row. */
    static String queryKey(String query) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(query.strip().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
