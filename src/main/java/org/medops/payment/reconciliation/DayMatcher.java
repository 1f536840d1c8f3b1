package org.medops.payment.reconciliation;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The matching itself, in PostgreSQL: the day's lines are copied into temporary tables (dropped at commit), folded to
 * one row per payment or refund and side, and each category is one set-based statement over the full join of the
 * sides — a million lines a side take seconds and the heap holds none of them. Must run inside one transaction.
 *
 * <p>Keys: a payment by its order number, a refund by its refund number; refunds the HIS booked without a refund
 * number are matched with all refunds of their order by their sum ({@code ORDER:} keys), so partial refunds that sum
 * wrong show as one amount mismatch of the order.
 */
@Repository
class DayMatcher {

    static final String LINE_COLUMNS = "kind, out_trade_no, out_refund_no, reference, amount, fee, state, at, pending_id";
    static final String PLATFORM_COLUMNS = "kind, out_trade_no, out_refund_no, his_bill_no, amount, status, at";

    /** What one run found: counts of the three outcomes (mismatches are rows of recon_mismatches). */
    record Counts(long matched, long pending, long mismatches) {
    }

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    DayMatcher(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    void createStaging() {
        for (String table : new String[] {"rc_channel", "rc_his"}) {
            jdbc.sql("create temp table " + table + " (kind text not null, out_trade_no text not null, "
                    + "out_refund_no text, reference text, amount bigint not null, fee bigint not null, "
                    + "state text not null, at timestamptz not null, pending_id bigint) on commit drop").update();
        }
        jdbc.sql("create temp table rc_platform (kind text not null, out_trade_no text not null, out_refund_no text, "
                + "his_bill_no text, amount bigint not null, status text not null, at timestamptz) on commit drop")
                .update();
        jdbc.sql("create temp table rc_flags (kind text not null, key text not null) on commit drop").update();
    }

    StagingCopy copyInto(String table, String columns) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            return new StagingCopy(connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy " + table + " (" + columns + ") from stdin"));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Without HIS records: the platform's successful payments and refunds stand in as the books. */
    org.medops.payment.reconciliation.bills.BillTotals platformAsBooks() {
        jdbc.sql("""
                insert into rc_his (kind, out_trade_no, out_refund_no, reference, amount, fee, state, at)
                select kind, out_trade_no, out_refund_no, his_bill_no, amount, 0, 'SUCCESS', at
                from rc_platform where status = 'SUCCESS'""").update();
        return jdbc.sql("""
                select count(*), count(*) filter (where kind = 'PAY'), coalesce(sum(amount) filter (where kind = 'PAY'), 0),
                    count(*) filter (where kind = 'REFUND'), coalesce(sum(amount) filter (where kind = 'REFUND'), 0)
                from rc_his""")
                .query((rs, n) -> new org.medops.payment.reconciliation.bills.BillTotals(rs.getLong(1), rs.getLong(2),
                        rs.getLong(3), rs.getLong(4), rs.getLong(5), 0)).single();
    }

    /** The lines earlier days left waiting join this day's sides, each marked with its pending row. */
    void carryPending(String merchant, LocalDate date) {
        jdbc.sql("""
                insert into rc_his (kind, out_trade_no, out_refund_no, reference, amount, fee, state, at, pending_id)
                select kind, out_trade_no, out_refund_no, reference, amount_fen, 0, 'SUCCESS', at, id
                from recon_pending
                where merchant_code = :merchant and business_date < :date and settled_run_id is null and side = 'HIS'""")
                .param("merchant", merchant).param("date", date).update();
        jdbc.sql("""
                insert into rc_channel (kind, out_trade_no, out_refund_no, reference, amount, fee, state, at, pending_id)
                select kind, out_trade_no, out_refund_no, reference, amount_fen, 0, 'SUCCESS', at, id
                from recon_pending
                where merchant_code = :merchant and business_date < :date and settled_run_id is null
                    and side = 'CHANNEL'""")
                .param("merchant", merchant).param("date", date).update();
    }

    /** A day run again replaces what its earlier runs left waiting. */
    void supersedePending(String merchant, LocalDate date, long run) {
        jdbc.sql("""
                update recon_pending set settled_run_id = :run, settled_as = 'SUPERSEDED'
                where merchant_code = :merchant and business_date = :date and settled_run_id is null""")
                .param("run", run).param("merchant", merchant).param("date", date).update();
    }

    Counts classify(long run, String merchant, LocalDate date, Instant pendingFrom, LocalDate staleOnOrBefore) {
        fold();
        duplicatePayments(run);
        statusMismatches(run);
        amountMismatches(run);
        long pending = oneSided(run, merchant, date, pendingFrom, staleOnOrBefore, "h", "c", "HIS", Category.HIS_ONLY)
                + oneSided(run, merchant, date, pendingFrom, staleOnOrBefore, "c", "h", "CHANNEL",
                Category.CHANNEL_ONLY);
        settleCarried(run);
        long matched = jdbc.sql("""
                select count(*) from rc_pair p
                where p.c_amount = p.h_amount
                    and not exists (select 1 from rc_flags f where f.kind = p.kind and f.key = p.key)""")
                .query(Long.class).single();
        long mismatches = jdbc.sql("select count(*) from recon_mismatches where run_id = :run").param("run", run)
                .query(Long.class).single();
        return new Counts(matched, pending, mismatches);
    }

    private void fold() {
        jdbc.sql("""
                create temp table rc_sum_orders on commit drop as
                select distinct out_trade_no from rc_his where kind = 'REFUND' and out_refund_no is null""").update();
        for (String side : new String[] {"c", "h"}) {
            String source = side.equals("c") ? "rc_channel" : "rc_his";
            jdbc.sql("create temp table rc_" + side + " on commit drop as "
                    + "select l.kind, case when l.kind = 'REFUND' and s.out_trade_no is not null "
                    + "        then 'ORDER:' || l.out_trade_no "
                    + "    when l.kind = 'REFUND' then l.out_refund_no else l.out_trade_no end as key, "
                    + "  min(l.out_trade_no) as out_trade_no, "
                    + "  case when s.out_trade_no is null then min(l.out_refund_no) end as out_refund_no, "
                    + "  sum(l.amount) as amount, count(*) as lines, max(l.at) as at, max(l.pending_id) as pending_id "
                    + "from " + source + " l left join rc_sum_orders s "
                    + "  on l.kind = 'REFUND' and s.out_trade_no = l.out_trade_no "
                    + "where l.state = 'SUCCESS' group by 1, 2, s.out_trade_no").update();
            jdbc.sql("analyze rc_" + side).update();
        }
        jdbc.sql("""
                create temp table rc_pair on commit drop as
                select coalesce(c.kind, h.kind) as kind, coalesce(c.key, h.key) as key,
                    coalesce(c.out_trade_no, h.out_trade_no) as out_trade_no,
                    coalesce(c.out_refund_no, h.out_refund_no) as out_refund_no,
                    c.amount as c_amount, h.amount as h_amount, c.lines as c_lines, h.lines as h_lines,
                    c.at as c_at, h.at as h_at, c.pending_id as c_pending, h.pending_id as h_pending
                from rc_c c full join rc_h h on h.kind = c.kind and h.key = c.key""").update();
        jdbc.sql("analyze rc_pair").update();
        jdbc.sql("analyze rc_platform").update();
    }

    /** Every successful payment of a HIS bill after the one the HIS booked (or, if none, the first). */
    private void duplicatePayments(long run) {
        jdbc.sql("""
                with paid as (
                    select p.his_bill_no, p.out_trade_no, p.amount, p.at,
                        exists (select 1 from rc_h h where h.kind = 'PAY' and h.key = p.out_trade_no) as booked
                    from rc_platform p
                    where p.kind = 'PAY' and p.status = 'SUCCESS' and p.his_bill_no is not null),
                ranked as (
                    select paid.*, count(*) over (partition by his_bill_no) as payments,
                        row_number() over (partition by his_bill_no order by booked desc, at, out_trade_no) as rank,
                        first_value(out_trade_no) over (partition by his_bill_no
                            order by booked desc, at, out_trade_no) as kept
                    from paid)
                insert into recon_mismatches (run_id, category, kind, out_trade_no, his_amount_fen,
                    channel_amount_fen, platform_amount_fen, detail_code, detail_args)
                select :run, 'DUPLICATE_PAYMENT', 'PAY', r.out_trade_no, h.amount, c.amount, r.amount,
                    'recon.detail.duplicate', array[r.his_bill_no, r.kept, r.payments::text]
                from ranked r
                left join rc_c c on c.kind = 'PAY' and c.key = r.out_trade_no
                left join rc_h h on h.kind = 'PAY' and h.key = r.out_trade_no
                where r.payments > 1 and r.rank > 1""").param("run", run).update();
        flag(run, Category.DUPLICATE_PAYMENT);
    }

    /**
     * Paid on one side, not on the other: the channel revoked or closed an order the HIS booked as paid, or the
     * platform closed an order the channel took money for.
     */
    private void statusMismatches(long run) {
        jdbc.sql("""
                insert into recon_mismatches (run_id, category, kind, out_trade_no, his_amount_fen,
                    channel_amount_fen, platform_amount_fen, detail_code, detail_args)
                select :run, 'STATUS_MISMATCH', 'PAY', x.out_trade_no, h.amount, null, null,
                    'recon.detail.channel-state', array[x.state]
                from (select out_trade_no, min(state) as state from rc_channel
                      where kind = 'PAY' and state <> 'SUCCESS' group by out_trade_no) x
                join rc_h h on h.kind = 'PAY' and h.key = x.out_trade_no
                where not exists (select 1 from rc_c c where c.kind = 'PAY' and c.key = x.out_trade_no)
                    and not exists (select 1 from rc_flags f where f.kind = 'PAY' and f.key = x.out_trade_no)""")
                .param("run", run).update();
        jdbc.sql("""
                insert into recon_mismatches (run_id, category, kind, out_trade_no, his_amount_fen,
                    channel_amount_fen, platform_amount_fen, detail_code, detail_args)
                select :run, 'STATUS_MISMATCH', 'PAY', p.out_trade_no, h.amount, c.amount, p.amount,
                    'recon.detail.platform-state', array[p.status]
                from rc_platform p
                join rc_c c on c.kind = 'PAY' and c.key = p.out_trade_no
                left join rc_h h on h.kind = 'PAY' and h.key = p.out_trade_no
                where p.kind = 'PAY' and p.status = 'CLOSED'
                    and not exists (select 1 from rc_flags f where f.kind = 'PAY' and f.key = p.out_trade_no)""")
                .param("run", run).update();
        flag(run, Category.STATUS_MISMATCH);
    }

    private void amountMismatches(long run) {
        jdbc.sql("""
                insert into recon_mismatches (run_id, category, kind, out_trade_no, out_refund_no, his_amount_fen,
                    channel_amount_fen, platform_amount_fen, detail_code, detail_args)
                select :run, 'AMOUNT_MISMATCH', p.kind, p.out_trade_no, p.out_refund_no, p.h_amount, p.c_amount,
                    (select sum(x.amount) from rc_platform x where x.kind = p.kind and x.status = 'SUCCESS'
                        and x.out_trade_no = p.out_trade_no
                        and (p.kind = 'PAY' or p.key like 'ORDER:%' or x.out_refund_no = p.out_refund_no)),
                    case when p.key like 'ORDER:%' then 'recon.detail.refund-sum' else 'recon.detail.amount' end,
                    array[p.h_lines::text, p.c_lines::text]
                from rc_pair p
                where p.c_amount <> p.h_amount
                    and not exists (select 1 from rc_flags f where f.kind = p.kind and f.key = p.key)""")
                .param("run", run).update();
    }

    /**
     * The lines only one side has ({@code side} has them, {@code other} not): a carried line past its days and a line
     * of this day outside the pending window are mismatches; a line in the window waits (a new pending row), a
     * carried one not yet stale keeps waiting. Answers how many wait.
     */
    private long oneSided(long run, String merchant, LocalDate date, Instant pendingFrom, LocalDate stale,
                          String side, String other, String sideName, Category category) {
        String only = "p." + other + "_amount is null and p." + side + "_amount is not null "
                + "and not exists (select 1 from rc_flags f where f.kind = p.kind and f.key = p.key)";
        String hisAmount = side.equals("h") ? "p.h_amount" : "null";
        String channelAmount = side.equals("c") ? "p.c_amount" : "null";
        String detail = side.equals("h") ? "recon.detail.his-only" : "recon.detail.channel-only";
        jdbc.sql("insert into recon_mismatches (run_id, category, kind, out_trade_no, out_refund_no, his_amount_fen, "
                        + "channel_amount_fen, platform_amount_fen, detail_code, detail_args) "
                        + "select :run, :category, p.kind, p.out_trade_no, p.out_refund_no, " + hisAmount + ", "
                        + channelAmount + ", null, "
                        + "case when w.id is null then :detail else 'recon.detail.pending-expired' end, "
                        + "case when w.id is null then array[p." + side + "_lines::text] "
                        + "    else array[to_char(w.business_date, 'YYYY-MM-DD')] end "
                        + "from rc_pair p left join recon_pending w on w.id = p." + side + "_pending "
                        + "where " + only + " and ((w.id is null and p." + side + "_at < :pendingFrom) "
                        + "    or w.business_date <= :stale)")
                .param("run", run).param("category", category.name()).param("detail", detail)
                .param("pendingFrom", Timestamp.from(pendingFrom)).param("stale", stale).update();
        jdbc.sql("update recon_pending w set settled_run_id = :run, settled_as = :category from rc_pair p "
                        + "where w.id = p." + side + "_pending and " + only + " and w.business_date <= :stale")
                .param("run", run).param("category", category.name()).param("stale", stale).update();
        long fresh = jdbc.sql("insert into recon_pending (merchant_code, business_date, side, kind, out_trade_no, "
                        + "out_refund_no, amount_fen, at, found_run_id) "
                        + "select :merchant, :date, :side, p.kind, p.out_trade_no, p.out_refund_no, p." + side
                        + "_amount, p." + side + "_at, :run from rc_pair p "
                        + "where " + only + " and p." + side + "_pending is null and p." + side
                        + "_at >= :pendingFrom")
                .param("merchant", merchant).param("date", date).param("side", sideName).param("run", run)
                .param("pendingFrom", Timestamp.from(pendingFrom)).update();
        long waiting = jdbc.sql("select count(*) from rc_pair p join recon_pending w on w.id = p." + side
                        + "_pending where " + only + " and w.business_date > :stale")
                .param("stale", stale).query(Long.class).single();
        return fresh + waiting;
    }

    /** Carried lines whose other side arrived: settled by this run, matched or as an amount mismatch. */
    private void settleCarried(long run) {
        jdbc.sql("""
                update recon_pending w
                set settled_run_id = :run, settled_as = case when p.same then 'MATCHED' else 'AMOUNT_MISMATCH' end
                from (select coalesce(h_pending, c_pending) as id, c_amount = h_amount as same from rc_pair
                      where (h_pending is not null or c_pending is not null)
                          and c_amount is not null and h_amount is not null) p
                where w.id = p.id""").param("run", run).update();
    }

    private void flag(long run, Category category) {
        jdbc.sql("""
                insert into rc_flags (kind, key)
                select kind, out_trade_no from recon_mismatches where run_id = :run and category = :category""")
                .param("run", run).param("category", category.name()).update();
    }
}
