package org.medops.payment.insurance;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The hospital's settlement records, the checks made against the centre and the lines a detail check found. */
@Repository
class InsuranceBooks {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    record Settlement(String region, String setlId, String mdtrtId, String psnNo, String insutype, String clrType,
                      String setlOptins, Instant setlTime, BigDecimal medfee, BigDecimal fundPay, BigDecimal acctPay,
                      String refdSetlFlag) {
    }

    /** One group's sums: what 3201 sends. */
    record Group(String insutype, String clrType, String setlOptins, long count, BigDecimal medfee, BigDecimal fundPay,
                 BigDecimal acctPay) {
    }

    /** BALANCED / IMBALANCED after 3201; DETAILED once 3202 named the lines. */
    enum Status { BALANCED, IMBALANCED, DETAILED }

    record Check(long id, String region, Group group, LocalDate begin, LocalDate end, Status status,
                 String centreResult, String centreMessage, String checkedBy, Instant checkedAt, Instant detailedAt) {
    }

    /** CENTRE_ONLY, HOSPITAL_ONLY, AMOUNT_DIFFERS; {@code differing} names the amounts that differ. */
    record Line(long id, String outcome, String setlId, String mdtrtId, String psnNo, BigDecimal hospitalMedfee,
                BigDecimal hospitalFundPay, BigDecimal hospitalAcctPay, BigDecimal centreMedfee,
                BigDecimal centreFundPay, BigDecimal centreAcctPay, List<String> differing) {
    }

    private final JdbcClient jdbc;

    InsuranceBooks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void save(Settlement s) {
        jdbc.sql("""
                insert into ins_settlements (region, setl_id, mdtrt_id, psn_no, insutype, clr_type, setl_optins,
                    setl_time, medfee_sumamt, fund_pay_sumamt, acct_pay, refd_setl_flag)
                values (:region, :setl, :mdtrt, :psn, :insutype, :clr, :optins, :at, :medfee, :fund, :acct, :refd)
                on conflict (region, setl_id) do update set mdtrt_id = excluded.mdtrt_id, psn_no = excluded.psn_no,
                    insutype = excluded.insutype, clr_type = excluded.clr_type, setl_optins = excluded.setl_optins,
                    setl_time = excluded.setl_time, medfee_sumamt = excluded.medfee_sumamt,
                    fund_pay_sumamt = excluded.fund_pay_sumamt, acct_pay = excluded.acct_pay,
                    refd_setl_flag = excluded.refd_setl_flag""")
                .param("region", s.region()).param("setl", s.setlId()).param("mdtrt", s.mdtrtId())
                .param("psn", s.psnNo()).param("insutype", s.insutype()).param("clr", s.clrType())
                .param("optins", s.setlOptins()).param("at", Timestamp.from(s.setlTime())).param("medfee", s.medfee())
                .param("fund", s.fundPay()).param("acct", s.acctPay()).param("refd", s.refdSetlFlag()).update();
    }

    List<Group> groups(String region, LocalDate begin, LocalDate end) {
        return jdbc.sql("""
                select insutype, clr_type, setl_optins, count(*), sum(medfee_sumamt), sum(fund_pay_sumamt), sum(acct_pay)
                from ins_settlements
                where region = :region and setl_time >= :from and setl_time < :to
                group by insutype, clr_type, setl_optins order by insutype, clr_type, setl_optins""")
                .param("region", region).param("from", from(begin)).param("to", to(end))
                .query((rs, n) -> new Group(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7))).list();
    }

    /** Streams a group's settlements, for the detail file. */
    void settlements(String region, Group group, LocalDate begin, LocalDate end, Consumer<Settlement> sink) {
        jdbc.sql("""
                select * from ins_settlements
                where region = :region and insutype = :insutype and clr_type = :clr and setl_optins = :optins
                    and setl_time >= :from and setl_time < :to order by setl_id""")
                .param("region", region).param("insutype", group.insutype()).param("clr", group.clrType())
                .param("optins", group.setlOptins()).param("from", from(begin)).param("to", to(end))
                .query((ResultSet rs) -> {
                    sink.accept(settlement(rs));
                });
    }

    Optional<Settlement> settlement(String region, String setlId) {
        return jdbc.sql("select * from ins_settlements where region = :region and setl_id = :setl")
                .param("region", region).param("setl", setlId).query((rs, n) -> settlement(rs)).optional();
    }

    long insertCheck(String region, Group g, LocalDate begin, LocalDate end, Status status, String result,
                     String message, String msgid, String by, Instant at) {
        return jdbc.sql("""
                        insert into ins_checks (region, insutype, clr_type, setl_optins, begin_date, end_date, settlements,
                            medfee_sumamt, fund_pay_sumamt, acct_pay, status, centre_result, centre_message, total_msgid,
                            checked_by, checked_at)
                        values (:region, :insutype, :clr, :optins, :begin, :end, :count, :medfee, :fund, :acct, :status,
                            :result, :message, :msgid, :by, :at)
                        returning id""")
                .param("region", region).param("insutype", g.insutype()).param("clr", g.clrType())
                .param("optins", g.setlOptins()).param("begin", begin).param("end", end).param("count", g.count())
                .param("medfee", g.medfee()).param("fund", g.fundPay()).param("acct", g.acctPay())
                .param("status", status.name()).param("result", result).param("message", message)
                .param("msgid", msgid).param("by", by).param("at", Timestamp.from(at)).query(Long.class).single();
    }

    Optional<Check> check(long id) {
        return jdbc.sql("select * from ins_checks where id = :id").param("id", id).query((rs, n) -> check(rs))
                .optional();
    }

    Optional<Check> lockCheck(long id) {
        return jdbc.sql("select * from ins_checks where id = :id for update").param("id", id)
                .query((rs, n) -> check(rs)).optional();
    }

    List<Check> checks(long offset, int limit) {
        return jdbc.sql("select * from ins_checks order by checked_at desc, id desc offset :offset limit :limit")
                .param("offset", offset).param("limit", limit).query((rs, n) -> check(rs)).list();
    }

    long countChecks() {
        return jdbc.sql("select count(*) from ins_checks").query(Long.class).single();
    }

    void detailed(long id, String msgid, String uploadNo, String resultNo, Instant at) {
        jdbc.sql("""
                update ins_checks set status = 'DETAILED', detail_msgid = :msgid, upload_file_no = :upload,
                    result_file_no = :result, detailed_at = :at where id = :id""")
                .param("msgid", msgid).param("upload", uploadNo).param("result", resultNo)
                .param("at", Timestamp.from(at)).param("id", id).update();
    }

    void addLine(long check, Line line) {
        jdbc.sql("""
                insert into ins_check_lines (check_id, outcome, setl_id, mdtrt_id, psn_no, hospital_medfee,
                    hospital_fund_pay, hospital_acct_pay, centre_medfee, centre_fund_pay, centre_acct_pay, differing)
                values (:check, :outcome, :setl, :mdtrt, :psn, :hm, :hf, :ha, :cm, :cf, :ca, :differing)""")
                .param("check", check).param("outcome", line.outcome()).param("setl", line.setlId())
                .param("mdtrt", line.mdtrtId()).param("psn", line.psnNo()).param("hm", line.hospitalMedfee())
                .param("hf", line.hospitalFundPay()).param("ha", line.hospitalAcctPay())
                .param("cm", line.centreMedfee()).param("cf", line.centreFundPay()).param("ca", line.centreAcctPay())
                .param("differing", line.differing().toArray(String[]::new)).update();
    }

    List<Line> lines(long check) {
        return jdbc.sql("select * from ins_check_lines where check_id = :check order by id").param("check", check)
                .query((rs, n) -> new Line(rs.getLong("id"), rs.getString("outcome"), rs.getString("setl_id"),
                        rs.getString("mdtrt_id"), rs.getString("psn_no"), rs.getBigDecimal("hospital_medfee"),
                        rs.getBigDecimal("hospital_fund_pay"), rs.getBigDecimal("hospital_acct_pay"),
                        rs.getBigDecimal("centre_medfee"), rs.getBigDecimal("centre_fund_pay"),
                        rs.getBigDecimal("centre_acct_pay"),
                        Arrays.asList((String[]) rs.getArray("differing").getArray()))).list();
    }

    private static Settlement settlement(ResultSet rs) throws SQLException {
        return new Settlement(rs.getString("region"), rs.getString("setl_id"), rs.getString("mdtrt_id"),
                rs.getString("psn_no"), rs.getString("insutype"), rs.getString("clr_type"),
                rs.getString("setl_optins"), rs.getTimestamp("setl_time").toInstant(),
                rs.getBigDecimal("medfee_sumamt"), rs.getBigDecimal("fund_pay_sumamt"), rs.getBigDecimal("acct_pay"),
                rs.getString("refd_setl_flag"));
    }

    private static Check check(ResultSet rs) throws SQLException {
        Timestamp detailed = rs.getTimestamp("detailed_at");
        return new Check(rs.getLong("id"), rs.getString("region"),
                new Group(rs.getString("insutype"), rs.getString("clr_type"), rs.getString("setl_optins"),
                        rs.getLong("settlements"), rs.getBigDecimal("medfee_sumamt"),
                        rs.getBigDecimal("fund_pay_sumamt"), rs.getBigDecimal("acct_pay")),
                rs.getObject("begin_date", LocalDate.class), rs.getObject("end_date", LocalDate.class),
                Status.valueOf(rs.getString("status")), rs.getString("centre_result"), rs.getString("centre_message"),
                rs.getString("checked_by"), rs.getTimestamp("checked_at").toInstant(),
                detailed == null ? null : detailed.toInstant());
    }

    private static Timestamp from(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(ZONE).toInstant());
    }

    private static Timestamp to(LocalDate day) {
        return Timestamp.from(day.plusDays(1).atStartOfDay(ZONE).toInstant());
    }
}
