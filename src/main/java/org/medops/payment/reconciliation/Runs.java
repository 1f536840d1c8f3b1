package org.medops.payment.reconciliation;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.medops.shared.ListRequest;
import org.medops.shared.ListSource;
import org.medops.shared.SortColumns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Runs, their mismatches and the closed days. */
@Repository
class Runs implements ListSource<Runs.Filter, Run> {

    static final SortColumns SORT = SortColumns.of("date", false, "r.id", "date", "r.business_date",
            "merchant", "r.merchant_code", "mismatches", "r.mismatch_count", "startedAt", "r.started_at");
    static final int MAX_MISMATCH_PAGE = 500;

    /** The list's filter: a merchant and a range of business days, each optional. */
    record Filter(String merchant, LocalDate from, LocalDate to) {
    }

    private static final String SELECT = """
            select r.*,
                case when d.run_id = r.id then 'CLOSED'
                     when exists (select 1 from recon_runs n where n.merchant_code = r.merchant_code
                         and n.business_date = r.business_date and n.id > r.id) then 'SUPERSEDED'
                     else 'RECONCILED' end as run_status
            from recon_runs r
            left join recon_days d on d.merchant_code = r.merchant_code and d.business_date = r.business_date""";
    private static final String MISMATCH = """
            select id, run_id, category, kind, out_trade_no, out_refund_no, his_amount_fen, channel_amount_fen,
                platform_amount_fen, detail_code, detail_args, resolution, resolution_note, resolved_by, resolved_at
            from recon_mismatches""";

    private final JdbcClient jdbc;

    Runs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long start(String merchant, LocalDate date, String channel, Run.Sources sources, String by, Instant at) {
        return jdbc.sql("""
                        insert into recon_runs (merchant_code, business_date, channel, bill_source, bill_name,
                            bill_sha256, his_source, his_sha256, status, started_by, started_at)
                        values (:merchant, :date, :channel, :billSource, :billName, :billSha, :hisSource, :hisSha,
                            'RUNNING', :by, :at)
                        returning id""")
                .param("merchant", merchant).param("date", date).param("channel", channel)
                .param("billSource", sources.billSource()).param("billName", sources.billName())
                .param("billSha", sources.billSha256()).param("hisSource", sources.hisSource())
                .param("hisSha", sources.hisSha256()).param("by", by).param("at", Timestamp.from(at))
                .query(Long.class).single();
    }

    /** Records the sides' totals and what matching found; the run is done when its transaction commits. */
    void finish(long id, Run.Totals totals, DayMatcher.Counts counts, Instant at) {
        jdbc.sql("""
                        update recon_runs set status = 'DONE', channel_lines = :cl, channel_pay_fen = :cp,
                            channel_refund_fen = :cr, channel_fee_fen = :cf, his_lines = :hl, his_pay_fen = :hp,
                            his_refund_fen = :hr, platform_lines = :pl, matched = :matched, pending = :pending,
                            mismatch_count = :mismatches, finished_at = :at
                        where id = :id""")
                .param("cl", totals.channelLines()).param("cp", totals.channelPayFen())
                .param("cr", totals.channelRefundFen()).param("cf", totals.channelFeeFen())
                .param("hl", totals.hisLines()).param("hp", totals.hisPayFen()).param("hr", totals.hisRefundFen())
                .param("pl", totals.platformLines()).param("matched", counts.matched())
                .param("pending", counts.pending()).param("mismatches", counts.mismatches())
                .param("at", Timestamp.from(at)).param("id", id).update();
    }

    void sealDigests(long id, String billSha256, String hisSha256) {
        jdbc.sql("update recon_runs set bill_sha256 = :bill, his_sha256 = :his where id = :id")
                .param("bill", billSha256).param("his", hisSha256).param("id", id).update();
    }

    Optional<Run> find(long id) {
        return jdbc.sql(SELECT + " where r.id = :id").param("id", id).query(this::run).optional();
    }

    /** The day's latest run. */
    Optional<Run> latest(String merchant, LocalDate date) {
        return jdbc.sql(SELECT + " where r.merchant_code = :merchant and r.business_date = :date order by r.id desc limit 1")
                .param("merchant", merchant).param("date", date).query(this::run).optional();
    }

    boolean closed(String merchant, LocalDate date) {
        return jdbc.sql("select count(*) from recon_days where merchant_code = :merchant and business_date = :date")
                .param("merchant", merchant).param("date", date).query(Long.class).single() > 0;
    }

    void close(String merchant, LocalDate date, long run, String by, Instant at) {
        jdbc.sql("""
                        insert into recon_days (merchant_code, business_date, run_id, closed_by, closed_at)
                        values (:merchant, :date, :run, :by, :at)""")
                .param("merchant", merchant).param("date", date).param("run", run).param("by", by)
                .param("at", Timestamp.from(at)).update();
    }

    Optional<DayClosing> closing(String merchant, LocalDate date) {
        return jdbc.sql("select closed_by, closed_at from recon_days where merchant_code = :merchant and business_date = :date")
                .param("merchant", merchant).param("date", date)
                .query((rs, n) -> new DayClosing(rs.getString(1), rs.getTimestamp(2).toInstant())).optional();
    }

    record DayClosing(String by, Instant at) {
    }

    /** Locks the run's row: resolving and closing one day never interleave. */
    void lock(long run) {
        jdbc.sql("select id from recon_runs where id = :id for update").param("id", run).query(Long.class).optional();
    }

    List<Mismatch> mismatches(long run) {
        return jdbc.sql(MISMATCH + " where run_id = :run order by id").param("run", run).query(this::mismatchRow).list();
    }

    List<Mismatch> mismatches(long run, long offset, int limit) {
        return jdbc.sql(MISMATCH + " where run_id = :run order by id offset :offset limit :limit").param("run", run)
                .param("offset", offset).param("limit", Math.min(limit, MAX_MISMATCH_PAGE)).query(this::mismatchRow).list();
    }

    long unresolved(long run) {
        return jdbc.sql("select count(*) from recon_mismatches where run_id = :run and resolution is null")
                .param("run", run).query(Long.class).single();
    }

    Optional<Mismatch> mismatch(long id) {
        return jdbc.sql(MISMATCH + " where id = :id").param("id", id).query(this::mismatchRow).optional();
    }

    void resolve(Mismatch resolved) {
        Mismatch.Handling handling = resolved.handling();
        jdbc.sql("""
                        update recon_mismatches set resolution = :resolution, resolution_note = :note, resolved_by = :by,
                            resolved_at = :at
                        where id = :id and resolution is null""")
                .param("resolution", handling.resolution().name()).param("note", handling.note())
                .param("by", handling.by()).param("at", Timestamp.from(handling.at())).param("id", resolved.id())
                .update();
    }

    @Override
    public List<Run> rows(Filter filter, ListRequest.Sort sort, long offset, int limit) {
        return jdbc.sql(SELECT + where() + " order by " + SORT.orderBy(sort) + " offset :offset limit :limit")
                .param("merchant", filter.merchant()).param("from", filter.from()).param("to", filter.to())
                .param("offset", offset).param("limit", limit).query(this::run).list();
    }

    @Override
    public long count(Filter filter) {
        return jdbc.sql("select count(*) from recon_runs r" + where()).param("merchant", filter.merchant())
                .param("from", filter.from()).param("to", filter.to()).query(Long.class).single();
    }

    private static String where() {
        return " where r.status = 'DONE' and (cast(:merchant as text) is null or r.merchant_code = :merchant)"
                + " and (cast(:from as date) is null or r.business_date >= :from)"
                + " and (cast(:to as date) is null or r.business_date <= :to)";
    }

    private Run run(ResultSet rs, int row) throws SQLException {
        return new Run(rs.getLong("id"), rs.getString("merchant_code"), rs.getObject("business_date", LocalDate.class),
                rs.getString("channel"),
                new Run.Sources(rs.getString("bill_source"), rs.getString("bill_name"), rs.getString("bill_sha256"),
                        rs.getString("his_source"), rs.getString("his_sha256")),
                new Run.Totals(rs.getLong("channel_lines"), rs.getLong("channel_pay_fen"),
                        rs.getLong("channel_refund_fen"), rs.getLong("channel_fee_fen"), rs.getLong("his_lines"),
                        rs.getLong("his_pay_fen"), rs.getLong("his_refund_fen"), rs.getLong("platform_lines")),
                rs.getLong("matched"), rs.getLong("pending"), rs.getLong("mismatch_count"),
                RunStatus.valueOf(rs.getString("run_status")), rs.getString("started_by"),
                rs.getTimestamp("started_at").toInstant());
    }

    private Mismatch mismatchRow(ResultSet rs, int row) throws SQLException {
        Array args = rs.getArray("detail_args");
        String resolution = rs.getString("resolution");
        return new Mismatch(rs.getLong("id"), rs.getLong("run_id"), Category.valueOf(rs.getString("category")),
                rs.getString("kind"), rs.getString("out_trade_no"), rs.getString("out_refund_no"),
                (Long) rs.getObject("his_amount_fen"), (Long) rs.getObject("channel_amount_fen"),
                (Long) rs.getObject("platform_amount_fen"), rs.getString("detail_code"),
                args == null ? List.of() : Arrays.asList((String[]) args.getArray()),
                resolution == null ? null : new Mismatch.Handling(Resolution.valueOf(resolution),
                        rs.getString("resolution_note"), rs.getString("resolved_by"),
                        rs.getTimestamp("resolved_at").toInstant()));
    }
}
