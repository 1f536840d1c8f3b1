package org.medops.payment.orders;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.medops.payment.PlatformLedger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The platform's books for reconciliation, read from the orders' own tables: payments by the day they were paid
 * (REFUNDED once refunded in full), orders closed unpaid by the day they closed, refunds by the day they succeeded.
 * Streamed row by row so a busy day never sits in memory: on a connection of its own (a new read-only transaction,
 * fetching in batches), because the reader's connection is busy copying each entry into its staging table.
 */
@Repository
class PlatformBooks implements PlatformLedger {

    private static final String ENTRIES = """
            select out_trade_no, null as out_refund_no, his_bill_no, 'PAY' as kind, amount_fen,
                   case when status = 'REFUNDED' then 'REFUNDED' else 'SUCCESS' end as status, paid_at as at
              from payment_orders
             where merchant = :merchant and paid_at >= :from and paid_at < :to
            union all
            select out_trade_no, null, his_bill_no, 'PAY', amount_fen, 'CLOSED', closed_at
              from payment_orders
             where merchant = :merchant and status = 'CLOSED' and paid_at is null
               and closed_at >= :from and closed_at < :to
            union all
            select r.out_trade_no, r.out_refund_no, o.his_bill_no, 'REFUND', r.amount_fen, 'SUCCESS', r.succeeded_at
              from payment_refunds r join payment_orders o on o.out_trade_no = r.out_trade_no
             where o.merchant = :merchant and r.status = 'SUCCESS'
               and r.succeeded_at >= :from and r.succeeded_at < :to
            """;

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final ZoneId zone;

    PlatformBooks(DataSource dataSource, PlatformTransactionManager transactions,
                  @Value("${medops.reconciliation.zone:Asia/Shanghai}") ZoneId zone) {
        JdbcTemplate batched = new JdbcTemplate(dataSource);
        batched.setFetchSize(1000);
        this.jdbc = new NamedParameterJdbcTemplate(batched);
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.ownTransaction.setReadOnly(true);
        this.zone = zone;
    }

    @Override
    public long stream(String merchantCode, LocalDate businessDate, Consumer<Entry> sink) {
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("merchant", merchantCode)
                .addValue("from", java.sql.Timestamp.from(businessDate.atStartOfDay(zone).toInstant()))
                .addValue("to", java.sql.Timestamp.from(businessDate.plusDays(1).atStartOfDay(zone).toInstant()));
        long[] count = {0};
        ownTransaction.executeWithoutResult(status -> jdbc.query(ENTRIES, params, (RowCallbackHandler) row -> {
            sink.accept(entry(row));
            count[0]++;
        }));
        return count[0];
    }

    private static Entry entry(ResultSet row) throws SQLException {
        return new Entry(row.getString("out_trade_no"), row.getString("out_refund_no"), row.getString("his_bill_no"),
                Kind.valueOf(row.getString("kind")), row.getLong("amount_fen"), Status.valueOf(row.getString("status")),
                row.getTimestamp("at").toInstant());
    }
}
