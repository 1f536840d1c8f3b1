package org.medops.integration.jdbc;

import java.util.Map;

import javax.sql.DataSource;

import org.medops.integration.channels.ChannelDocument;
import org.medops.integration.delivery.Sender;
import org.medops.integration.store.Outgoing;
import org.medops.integration.targets.JdbcTargets;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the destination's statement on a registered JDBC target, one transaction per message, with named
 * parameters from the transformed JSON ({@code :patient.id}) and {@code :messageId}. A duplicate key counts as
 * delivered (a unique key on the message id makes a redelivery a no-op); another constraint violation or a
 * statement the database refuses is a rejection; no connection, a timeout or a transient error is a failure
 * (DataAccessResourceFailureException covers the connection, TransientDataAccessException the query timeout).
 * Errors name the kind and SQLSTATE only: a driver's message may quote the values, patient identifiers included.
 */
final class DatabaseWriter implements Sender {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTargets targets;

    DatabaseWriter(JdbcTargets targets) {
        this.targets = targets;
    }

    @Component
    static final class Kind implements Sender.Kind {

        private final JdbcTargets targets;

        Kind(JdbcTargets targets) {
            this.targets = targets;
        }

        @Override
        public String type() {
            return "DATABASE";
        }

        @Override
        public Sender open() {
            return new DatabaseWriter(targets);
        }
    }

    @Override
    public Result send(ChannelDocument.Destination destination, Outgoing message) {
        if (!message.isTransformed()) {
            return Result.rejected(null, "a database destination needs JSON: add a transformer");
        }
        JsonNode root;
        try {
            root = JSON.readTree(message.transformed());
        } catch (RuntimeException e) {
            return Result.rejected(null, "the transformed content is not JSON");
        }
        DataSource dataSource;
        try {
            dataSource = targets.dataSource(destination.target());
        } catch (RuntimeException e) {
            return Result.failed(null, "JDBC target " + destination.target() + " is not registered");
        }
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.setQueryTimeout((int) Math.max(1, destination.timeout().toSeconds()));
        NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(jdbc);
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        try {
            Integer rows = transaction.execute(status -> named.update(destination.statement(),
                    new JsonParameters(root, Map.of("messageId", message.id()))));
            return Result.delivered(rows + " row(s)");
        } catch (DuplicateKeyException e) {
            return Result.delivered("duplicate key: already written (SQLSTATE " + sqlState(e) + ")");
        } catch (DataIntegrityViolationException e) {
            return Result.rejected(null, "constraint violated (SQLSTATE " + sqlState(e) + ")");
        } catch (DataAccessResourceFailureException | TransientDataAccessException e) {
            return Result.failed(null, "database unavailable: " + e.getClass().getSimpleName() + " (SQLSTATE " + sqlState(e) + ")");
        } catch (DataAccessException e) {
            return Result.rejected(null, "statement refused: " + e.getClass().getSimpleName() + " (SQLSTATE " + sqlState(e) + ")");
        } catch (RuntimeException e) {
            return Result.failed(null, "not written: " + e.getClass().getSimpleName());
        }
    }

    static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return "none";
    }
}
