package org.medops.reporting.contracts;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class Contracts {

    private final JdbcClient jdbc;

    Contracts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Head(long id, int year, String name, String vendor, LocalDate startsOn, LocalDate endsOn,
                        java.math.BigDecimal fee, BandBasis bandBasis) {
    }

    long insert(ContractRequests.NewContract c, BandBasis basis, Instant now) {
        return jdbc.sql("""
                        insert into reporting_contracts(year, name, vendor, starts_on, ends_on, fee, band_basis, created_at)
                        values (:year, :name, :vendor, :starts, :ends, :fee, :basis, :now) returning id""")
                .param("year", c.year()).param("name", c.name().strip()).param("vendor", c.vendor().strip())
                .param("starts", c.startsOn()).param("ends", c.endsOn()).param("fee", c.fee())
                .param("basis", basis.name()).param("now", Timestamp.from(now)).query(Long.class).single();
    }

    boolean yearTaken(int year) {
        return jdbc.sql("select exists(select 1 from reporting_contracts where year = :year)").param("year", year)
                .query(Boolean.class).single();
    }

    void replaceItems(long contractId, List<ScorecardItem> items, BandBasis basis) {
        jdbc.sql("delete from reporting_contract_items where contract_id = :id").param("id", contractId).update();
        int position = 0;
        for (ScorecardItem item : items) {
            jdbc.sql("""
                            insert into reporting_contract_items(contract_id, position, code, name, criteria, max_points,
                                deduction_only) values (:id, :position, :code, :name, :criteria, :max, :only)""")
                    .param("id", contractId).param("position", position++).param("code", item.code())
                    .param("name", item.name().strip()).param("criteria", item.criteria().strip())
                    .param("max", item.deductionOnly() ? 0 : item.maxPoints()).param("only", item.deductionOnly())
                    .update();
        }
        jdbc.sql("update reporting_contracts set band_basis = :basis where id = :id").param("basis", basis.name())
                .param("id", contractId).update();
    }

    void replaceBands(long contractId, List<Band> bands) {
        jdbc.sql("delete from reporting_contract_bands where contract_id = :id").param("id", contractId).update();
        for (Band band : bands) {
            jdbc.sql("""
                            insert into reporting_contract_bands(contract_id, min_score, payment_percent, failing)
                            values (:id, :min, :percent, :failing)""")
                    .param("id", contractId).param("min", band.minScore()).param("percent", band.paymentPercent())
                    .param("failing", band.failing()).update();
        }
    }

    long addMilestone(long contractId, int position, ContractRequests.NewMilestone m) {
        return jdbc.sql("""
                        insert into reporting_milestones(contract_id, position, name, due_on, service_percent,
                            share_percent, required_records, final_payment)
                        values (:contract, :position, :name, :due, :percent, :share, :records, :final) returning id""")
                .param("contract", contractId).param("position", position).param("name", m.name().strip())
                .param("due", m.dueOn()).param("percent", m.servicePercent()).param("share", m.sharePercent())
                .param("records", m.requiredRecords().strip()).param("final", m.finalPayment())
                .query(Long.class).single();
    }

    List<Contract> all() {
        return jdbc.sql("select * from reporting_contracts order by year desc").query(Head.class).list().stream()
                .map(this::full).toList();
    }

    Optional<Contract> find(long id) {
        return jdbc.sql("select * from reporting_contracts where id = :id").param("id", id).query(Head.class)
                .optional().map(this::full);
    }

    Optional<Contract> byYear(int year) {
        return jdbc.sql("select * from reporting_contracts where year = :year").param("year", year).query(Head.class)
                .optional().map(this::full);
    }

    Optional<Contract> covering(LocalDate day) {
        return jdbc.sql("""
                        select * from reporting_contracts where starts_on <= :day and ends_on >= :day
                        order by starts_on desc limit 1""")
                .param("day", day).query(Head.class).optional().map(this::full);
    }

    List<Milestone> milestones(long contractId) {
        return jdbc.sql("select * from reporting_milestones where contract_id = :id order by position, id")
                .param("id", contractId).query(Milestone.class).list();
    }

    Optional<Milestone> milestone(long id) {
        return jdbc.sql("select * from reporting_milestones where id = :id").param("id", id).query(Milestone.class)
                .optional();
    }

    void invoice(long milestoneId, LocalDate on) {
        jdbc.sql("update reporting_milestones set invoice_received_on = :on where id = :id").param("on", on)
                .param("id", milestoneId).update();
    }

    void paid(long milestoneId, LocalDate on, java.math.BigDecimal amount) {
        jdbc.sql("update reporting_milestones set paid_on = :on, paid_amount = :amount where id = :id")
                .param("on", on).param("amount", amount).param("id", milestoneId).update();
    }

    private Contract full(Head h) {
        List<ScorecardItem> items = jdbc.sql("""
                        select code, name, criteria, max_points, deduction_only from reporting_contract_items
                        where contract_id = :id order by position""")
                .param("id", h.id()).query(ScorecardItem.class).list();
        List<Band> bands = jdbc.sql("""
                        select min_score, payment_percent, failing from reporting_contract_bands
                        where contract_id = :id order by min_score desc""")
                .param("id", h.id()).query(Band.class).list();
        return new Contract(h.id(), h.year(), h.name(), h.vendor(), h.startsOn(), h.endsOn(), h.fee(), h.bandBasis(),
                items, bands);
    }
}
