package org.medops.reporting.scorecard;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.medops.reporting.Quarter;
import org.medops.reporting.contracts.ScorecardItem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class Scorecards {

    private final JdbcClient jdbc;

    Scorecards(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Head(long id, long contractId, String quarter, Scorecard.Status status, String createdBy,
                        Instant createdAt, String finalizedBy, String signerName, Instant finalizedAt,
                        String signedContent, String hash) {
    }

    boolean exists(Quarter quarter) {
        return jdbc.sql("select exists(select 1 from reporting_scorecards where quarter = :q)")
                .param("q", quarter.toString()).query(Boolean.class).single();
    }

    long insert(long contractId, Quarter quarter, List<ScorecardItem> items, String by, Instant at) {
        long id = jdbc.sql("""
                        insert into reporting_scorecards(contract_id, quarter, status, created_by, created_at)
                        values (:contract, :quarter, 'DRAFT', :by, :at) returning id""")
                .param("contract", contractId).param("quarter", quarter.toString()).param("by", by)
                .param("at", Timestamp.from(at)).query(Long.class).single();
        int position = 0;
        for (ScorecardItem item : items) {
            jdbc.sql("""
                            insert into reporting_scorecard_items(scorecard_id, position, code, name, max_points,
                                deduction_only) values (:id, :position, :code, :name, :max, :only)""")
                    .param("id", id).param("position", position++).param("code", item.code())
                    .param("name", item.name()).param("max", item.maxPoints()).param("only", item.deductionOnly())
                    .update();
        }
        return id;
    }

    long add(long cardId, Deduction d) {
        return jdbc.sql("""
                        insert into reporting_deductions(scorecard_id, item_code, rule, points, text, evidence,
                            fails_quarter, added_by, reason)
                        values (:card, :item, :rule, :points, :text, :evidence, :fails, :by, :reason) returning id""")
                .param("card", cardId).param("item", d.itemCode()).param("rule", d.rule().name())
                .param("points", d.points()).param("text", d.text()).param("evidence", d.evidence())
                .param("fails", d.failsQuarter()).param("by", d.addedBy()).param("reason", d.reason())
                .query(Long.class).single();
    }

    void strike(long deductionId, String reason, String by, Instant at) {
        jdbc.sql("""
                        update reporting_deductions set struck = true, struck_reason = :reason, struck_by = :by,
                            struck_at = :at where id = :id""")
                .param("reason", reason).param("by", by).param("at", Timestamp.from(at)).param("id", deductionId)
                .update();
    }

    void adjust(long deductionId, BigDecimal points, String reason, String by) {
        jdbc.sql("update reporting_deductions set points = :points, reason = :reason, added_by = :by where id = :id")
                .param("points", points).param("reason", reason).param("by", by).param("id", deductionId).update();
    }

    void finalize(long cardId, Scorecard.Signature s) {
        jdbc.sql("""
                        update reporting_scorecards set status = 'FINAL', finalized_by = :by, signer_name = :name,
                            finalized_at = :at, signed_content = :content, hash = :hash where id = :id""")
                .param("by", s.username()).param("name", s.name()).param("at", Timestamp.from(s.at()))
                .param("content", s.content()).param("hash", s.hash()).param("id", cardId).update();
    }

    Optional<Scorecard> find(long id) {
        return jdbc.sql("select * from reporting_scorecards where id = :id").param("id", id).query(Head.class)
                .optional().map(this::full);
    }

    /** Locks the card's row so two reviewers' changes and a finalisation follow one another. */
    Optional<Scorecard> lock(long id) {
        return jdbc.sql("select * from reporting_scorecards where id = :id for update").param("id", id)
                .query(Head.class).optional().map(this::full);
    }

    Optional<Scorecard> byQuarter(Quarter quarter) {
        return jdbc.sql("select * from reporting_scorecards where quarter = :q").param("q", quarter.toString())
                .query(Head.class).optional().map(this::full);
    }

    List<Scorecard> ofContract(long contractId) {
        return jdbc.sql("select * from reporting_scorecards where contract_id = :id order by quarter")
                .param("id", contractId).query(Head.class).list().stream().map(this::full).toList();
    }

    /** Cards finalised at or after {@code from} and before {@code to}, oldest first, for the archive. */
    List<Scorecard> finalizedBetween(Instant from, Instant to) {
        return jdbc.sql("""
                        select * from reporting_scorecards where status = 'FINAL' and finalized_at >= :from
                            and finalized_at < :to order by finalized_at, id""")
                .param("from", java.sql.Timestamp.from(from)).param("to", java.sql.Timestamp.from(to))
                .query(Head.class).list().stream().map(this::full).toList();
    }

    /** The newest cards first, for the register. */
    List<Scorecard> recent(int limit) {
        return jdbc.sql("select * from reporting_scorecards order by quarter desc limit :limit").param("limit", limit)
                .query(Head.class).list().stream().map(this::full).toList();
    }

    private Scorecard full(Head h) {
        List<ScorecardItem> items = jdbc.sql("""
                        select code, name, '' as criteria, max_points, deduction_only from reporting_scorecard_items
                        where scorecard_id = :id order by position""")
                .param("id", h.id()).query(ScorecardItem.class).list();
        List<Deduction> deductions = jdbc.sql("""
                        select id, item_code, rule, points, text, evidence, fails_quarter, added_by, reason, struck,
                            struck_reason, struck_by, struck_at
                        from reporting_deductions where scorecard_id = :id order by id""")
                .param("id", h.id()).query(Deduction.class).list();
        Scorecard.Signature signature = h.status() == Scorecard.Status.FINAL ? new Scorecard.Signature(h.finalizedBy(),
                h.signerName(), h.finalizedAt(), h.signedContent(), h.hash()) : null;
        return new Scorecard(h.id(), h.contractId(), Quarter.parse(h.quarter()), h.status(), items, deductions,
                h.createdBy(), h.createdAt(), signature);
    }
}
