package org.medops.integration.critical;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.medops.shared.ListRequest;
import org.medops.shared.SortColumns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The critical-value records, their timelines, rules and department contacts. */
@Repository
class CriticalValues {

    static final SortColumns SORT = SortColumns.of("reportedAt", false, "id", "reportedAt", "created_at",
            "status", "status", "department", "ordering_department", "item", "item_code");

    private static final String SELECT = "select * from integration_critical_values";

    /** Which records a list shows; nulls select all. {@code overdueAt}: open and due for escalation (or escalated) at that time. */
    record Filter(CriticalValue.Status status, Boolean open, String department, Instant overdueAt, Instant from,
                  Instant to) {
    }

    record Event(String kind, Instant at, String actor, String detail) {
    }

    /** {@code handleMinutes} null: the 医务科 row's, else the configured default. */
    record Department(String department, String clinicianTarget, String headTarget, int ackMinutes,
                      Integer handleMinutes) {
    }

    /** Where acknowledgements and handlings go back to HIS: a channel code (null: nowhere) and the MSH-9 type. */
    record His(String channel, String messageType, Instant updatedAt, String updatedBy) {
    }

    /** The result's origin: its message's control id (MSH-10) and the order numbers (placer, filler). */
    record Origin(String controlId, String placerOrder, String fillerOrder) {

        static final Origin NONE = new Origin(null, null, null);
    }

    /** A message to HIS waiting for (or past) its hand-over to the channel. */
    record Outbound(long id, long valueId, String stage, String channelCode, String message, int attempts) {
    }

    private final JdbcClient jdbc;

    CriticalValues(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records one finding once per (message, OBX set id); empty when a redelivery brings it again. */
    Optional<Long> insert(long messageId, String channel, Finding f, Instant now, Instant escalateAt) {
        return insert(messageId, channel, f, Origin.NONE, now, escalateAt);
    }

    Optional<Long> insert(long messageId, String channel, Finding f, Origin origin, Instant now, Instant escalateAt) {
        return jdbc.sql("""
                        insert into integration_critical_values(message_id, set_id, channel, patient_id, patient_name,
                            item_code, item_name, result_value, unit, reference_range, flag, reporting_department, reporter,
                            reported_at, ordering_department, ward, clinician, clinician_id, status, created_at,
                            next_escalation_at, control_id, placer_order, filler_order)
                        values (:message, :set, :channel, :patientId, :patientName, :itemCode, :itemName, :value, :unit,
                            :range, :flag, :reportingDepartment, :reporter, :reportedAt, :orderingDepartment, :ward,
                            :clinician, :clinicianId, 'REPORTED', :now, :escalateAt, :controlId, :placer, :filler)
                        on conflict (message_id, set_id) do nothing returning id""")
                .param("message", messageId).param("set", cut(f.setId(), 20)).param("channel", channel)
                .param("patientId", cut(f.patient().id(), 64)).param("patientName", cut(f.patient().name(), 100))
                .param("itemCode", cut(f.item().code(), 64)).param("itemName", cut(f.item().name(), 200))
                .param("value", cut(f.value(), 200)).param("unit", cut(f.unit(), 50))
                .param("range", cut(f.referenceRange(), 100)).param("flag", cut(f.flag(), 10))
                .param("reportingDepartment", cut(f.reporter().department(), 100))
                .param("reporter", cut(f.reporter().person(), 100))
                .param("reportedAt", Timestamp.from(f.reportedAt() == null ? now : f.reportedAt()))
                .param("orderingDepartment", cut(f.orderer().department(), 100)).param("ward", cut(f.orderer().ward(), 100))
                .param("clinician", cut(f.orderer().clinician(), 100)).param("clinicianId", cut(f.orderer().clinicianId(), 64))
                .param("now", Timestamp.from(now)).param("escalateAt", Timestamp.from(escalateAt))
                .param("controlId", cut(origin.controlId(), 199)).param("placer", cut(origin.placerOrder(), 100))
                .param("filler", cut(origin.fillerOrder(), 100))
                .query(Long.class).optional();
    }

    Optional<CriticalValue> find(long id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query(CriticalValue.class).optional();
    }

    List<CriticalValue> rows(Filter filter, ListRequest.Sort sort, long offset, int limit) {
        return jdbc.sql(SELECT + where() + " order by " + SORT.orderBy(sort) + " limit :limit offset :offset")
                .params(params(filter)).param("limit", limit).param("offset", offset)
                .query(CriticalValue.class).list();
    }

    long count(Filter filter) {
        return jdbc.sql("select count(*) from integration_critical_values" + where()).params(params(filter))
                .query(Long.class).single();
    }

    /** Every record reported in [from, to), for the stage-time report. */
    List<CriticalValue> reportedBetween(Instant from, Instant to) {
        return jdbc.sql(SELECT + " where created_at >= :from and created_at < :to order by created_at")
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).query(CriticalValue.class).list();
    }

    private static String where() {
        return " " + """
                 where (cast(:status as varchar) is null or status = :status)
                   and (cast(:open as boolean) is null or (status in ('REPORTED', 'DELIVERED', 'ACKNOWLEDGED', 'HANDLED')) = :open)
                   and (cast(:department as varchar) is null or ordering_department = :department or ward = :department)
                   and (cast(:overdue as timestamptz) is null
                        or (status in ('REPORTED', 'DELIVERED') and (escalation_level > 0 or next_escalation_at <= :overdue))
                        or (status = 'ACKNOWLEDGED' and (handle_escalation_level > 0 or next_handle_escalation_at <= :overdue)))
                   and (cast(:from as timestamptz) is null or created_at >= :from)
                   and (cast(:to as timestamptz) is null or created_at < :to)""";
    }

    private static java.util.Map<String, Object> params(Filter f) {
        java.util.Map<String, Object> p = new java.util.HashMap<>();
        p.put("status", f.status() == null ? null : f.status().name());
        p.put("open", f.open());
        p.put("department", f.department());
        p.put("overdue", f.overdueAt() == null ? null : Timestamp.from(f.overdueAt()));
        p.put("from", f.from() == null ? null : Timestamp.from(f.from()));
        p.put("to", f.to() == null ? null : Timestamp.from(f.to()));
        return p;
    }

    void delivered(long id, Instant at) {
        jdbc.sql("update integration_critical_values set status = 'DELIVERED', delivered_at = :at where id = :id and status = 'REPORTED'")
                .param("id", id).param("at", Timestamp.from(at)).update();
    }

    /** Moves a record on only from the status it was read in, so two clinicians acknowledging at once get one 409. */
    boolean acknowledge(long id, CriticalValue.Status from, String by, Instant at, Instant handleBy) {
        return jdbc.sql("""
                        update integration_critical_values set status = 'ACKNOWLEDGED', acknowledged_at = :at,
                            acknowledged_by = :by, next_escalation_at = null, next_handle_escalation_at = :handleBy
                        where id = :id and status = :from""")
                .param("id", id).param("from", from.name()).param("by", by).param("at", Timestamp.from(at))
                .param("handleBy", Timestamp.from(handleBy)).update() == 1;
    }

    boolean handle(long id, String by, String action, String note, Instant at) {
        return jdbc.sql("""
                        update integration_critical_values set status = 'HANDLED', handled_at = :at, handled_by = :by,
                            handle_action = :action, handle_note = :note, next_handle_escalation_at = null
                        where id = :id and status = 'ACKNOWLEDGED'""")
                .param("id", id).param("by", by).param("action", action).param("note", note)
                .param("at", Timestamp.from(at)).update() == 1;
    }

    boolean close(long id, String by, Instant at) {
        return jdbc.sql("""
                        update integration_critical_values set status = 'CLOSED', closed_at = :at, closed_by = :by
                        where id = :id and status = 'HANDLED'""")
                .param("id", id).param("by", by).param("at", Timestamp.from(at)).update() == 1;
    }

    /**
     * Claims the open records whose escalation is due and moves each one level on in the same statement
     * ({@code for update skip locked}): two nodes running this at once never escalate one stage twice.
     */
    List<CriticalValue> claimEscalations(Instant now, int lastLevel, int defaultMinutes) {
        return jdbc.sql("""
                        with due as (
                            select v.id from integration_critical_values v
                            where v.status in ('REPORTED', 'DELIVERED') and v.next_escalation_at <= :now
                              and v.escalation_level < :last
                            order by v.next_escalation_at limit 100 for update skip locked)
                        update integration_critical_values v set escalation_level = v.escalation_level + 1,
                            next_escalation_at = case when v.escalation_level + 1 >= :last then null
                                else cast(:now as timestamptz) + make_interval(mins => coalesce(
                                    (select d.ack_minutes from integration_critical_departments d
                                     where d.department in (v.ordering_department, v.ward)
                                     order by d.department = v.ward desc limit 1), :minutes)) end
                        from due where v.id = due.id
                        returning v.*""")
                .param("now", Timestamp.from(now)).param("last", lastLevel).param("minutes", defaultMinutes)
                .query(CriticalValue.class).list();
    }

    /**
     * The same for acknowledged values not handled in time: level 1 the department head, 2 医务科; the minutes are the
     * department's (or ward's) {@code handle_minutes}, else 医务科's, else {@code defaultMinutes}.
     */
    List<CriticalValue> claimHandleEscalations(Instant now, int lastLevel, int defaultMinutes) {
        return jdbc.sql("""
                        with due as (
                            select v.id from integration_critical_values v
                            where v.status = 'ACKNOWLEDGED' and v.next_handle_escalation_at <= :now
                              and v.handle_escalation_level < :last
                            order by v.next_handle_escalation_at limit 100 for update skip locked)
                        update integration_critical_values v set handle_escalation_level = v.handle_escalation_level + 1,
                            next_handle_escalation_at = case when v.handle_escalation_level + 1 >= :last then null
                                else cast(:now as timestamptz) + make_interval(mins => coalesce(
                                    (select d.handle_minutes from integration_critical_departments d
                                     where d.department in (v.ordering_department, v.ward)
                                     order by d.department = v.ward desc limit 1),
                                    (select o.handle_minutes from integration_critical_departments o
                                     where o.department = :office), :minutes)) end
                        from due where v.id = due.id
                        returning v.*""")
                .param("now", Timestamp.from(now)).param("last", lastLevel).param("minutes", defaultMinutes)
                .param("office", CriticalLoop.OFFICE).query(CriticalValue.class).list();
    }

    void event(long valueId, String kind, Instant at, String actor, String detail) {
        jdbc.sql("insert into integration_critical_events(value_id, kind, at, actor, detail) values (:id, :kind, :at, :actor, :detail)")
                .param("id", valueId).param("kind", kind).param("at", Timestamp.from(at)).param("actor", actor)
                .param("detail", cut(detail, 2000)).update();
    }

    List<Event> timeline(long valueId) {
        return jdbc.sql("select kind, at, actor, detail from integration_critical_events where value_id = :id order by at, id")
                .param("id", valueId).query(Event.class).list();
    }

    List<Detection.Rule> rules() {
        return jdbc.sql("select item_code, low, high from integration_critical_rules").query(Detection.Rule.class).list();
    }

    void saveRule(String itemCode, String itemName, java.math.BigDecimal low, java.math.BigDecimal high, Instant at) {
        jdbc.sql("""
                        insert into integration_critical_rules(item_code, item_name, low, high, updated_at)
                        values (:code, :name, :low, :high, :at)
                        on conflict (item_code) do update set item_name = excluded.item_name, low = excluded.low,
                            high = excluded.high, updated_at = excluded.updated_at""")
                .param("code", itemCode).param("name", itemName).param("low", low).param("high", high)
                .param("at", Timestamp.from(at)).update();
    }

    /** The contacts of a department or ward (the ward's own row first), else the default row {@code *}. */
    Optional<Department> department(String department, String ward) {
        return jdbc.sql("""
                        select department, clinician_target, head_target, ack_minutes, handle_minutes
                        from integration_critical_departments where department in (:department, :ward)
                        order by department = :ward desc limit 1""")
                .param("department", department == null ? "" : department).param("ward", ward == null ? "" : ward)
                .query(Department.class).optional();
    }

    List<Department> departments() {
        return jdbc.sql("select department, clinician_target, head_target, ack_minutes, handle_minutes from integration_critical_departments order by department")
                .query(Department.class).list();
    }

    void saveDepartment(Department d, Instant at) {
        jdbc.sql("""
                        insert into integration_critical_departments(department, clinician_target, head_target, ack_minutes,
                            handle_minutes, updated_at)
                        values (:department, :clinician, :head, :minutes, :handleMinutes, :at)
                        on conflict (department) do update set clinician_target = excluded.clinician_target,
                            head_target = excluded.head_target, ack_minutes = excluded.ack_minutes,
                            handle_minutes = excluded.handle_minutes, updated_at = excluded.updated_at""")
                .param("department", d.department()).param("clinician", d.clinicianTarget()).param("head", d.headTarget())
                .param("minutes", d.ackMinutes()).param("handleMinutes", d.handleMinutes()).param("at", Timestamp.from(at))
                .update();
    }

    Optional<Department> exactDepartment(String department) {
        return jdbc.sql("""
                        select department, clinician_target, head_target, ack_minutes, handle_minutes
                        from integration_critical_departments where department = :department""")
                .param("department", department).query(Department.class).optional();
    }

    boolean deleteDepartment(String department) {
        return jdbc.sql("delete from integration_critical_departments where department = :department")
                .param("department", department).update() == 1;
    }

    Optional<Detection.Rule> rule(String itemCode) {
        return jdbc.sql("select item_code, low, high from integration_critical_rules where item_code = :code")
                .param("code", itemCode).query(Detection.Rule.class).optional();
    }

    /** The rules with their item names, for the console. */
    record NamedRule(String itemCode, String itemName, java.math.BigDecimal low, java.math.BigDecimal high,
                     Instant updatedAt) {
    }

    List<NamedRule> namedRules() {
        return jdbc.sql("select item_code, item_name, low, high, updated_at from integration_critical_rules order by item_code")
                .query(NamedRule.class).list();
    }

    boolean deleteRule(String itemCode) {
        return jdbc.sql("delete from integration_critical_rules where item_code = :code").param("code", itemCode)
                .update() == 1;
    }

    Optional<His> his() {
        return jdbc.sql("select channel_code as channel, message_type, updated_at, updated_by from integration_critical_his where id = 1")
                .query(His.class).optional();
    }

    void saveHis(String channel, String messageType, Instant at, String by) {
        jdbc.sql("""
                        insert into integration_critical_his(id, channel_code, message_type, updated_at, updated_by)
                        values (1, :channel, :type, :at, :by)
                        on conflict (id) do update set channel_code = excluded.channel_code,
                            message_type = excluded.message_type, updated_at = excluded.updated_at,
                            updated_by = excluded.updated_by""")
                .param("channel", channel).param("type", messageType).param("at", Timestamp.from(at)).param("by", by)
                .update();
    }

    /** Queues a message to HIS in the caller's transaction; a stage queued already is left as it is. */
    void queue(long valueId, String stage, String channel, String message, Instant at) {
        jdbc.sql("""
                        insert into integration_critical_outbox(value_id, stage, channel_code, message, created_at,
                            next_attempt_at)
                        values (:value, :stage, :channel, :message, :at, :at) on conflict (value_id, stage) do nothing""")
                .param("value", valueId).param("stage", stage).param("channel", channel).param("message", message)
                .param("at", Timestamp.from(at)).update();
    }

    /** The next messages to hand over, locked so that two nodes never hand over one at once. */
    List<Outbound> claimOutbound(Instant now, int limit) {
        return jdbc.sql("""
                        select id, value_id, stage, channel_code, message, attempts from integration_critical_outbox
                        where sent_at is null and next_attempt_at <= :now order by id limit :limit for update skip locked""")
                .param("now", Timestamp.from(now)).param("limit", limit).query(Outbound.class).list();
    }

    void outboundSent(long id, long messageId, Instant at) {
        jdbc.sql("update integration_critical_outbox set sent_at = :at, message_id = :message, attempts = attempts + 1, error = null where id = :id")
                .param("id", id).param("message", messageId).param("at", Timestamp.from(at)).update();
    }

    /** Tries again after {@code retryAt} (the relay backs off: a refusing channel stores each attempt). */
    void outboundFailed(long id, String error, Instant retryAt) {
        jdbc.sql("update integration_critical_outbox set attempts = attempts + 1, error = :error, next_attempt_at = :next where id = :id")
                .param("id", id).param("error", cut(error, 500)).param("next", Timestamp.from(retryAt)).update();
    }

    /** What went to HIS for one value: stage, when handed over and as which stored message, or why not yet. */
    record Sent(String stage, Instant createdAt, Instant sentAt, Long messageId, int attempts, String error) {
    }

    List<Sent> sentToHis(long valueId) {
        return jdbc.sql("""
                        select stage, created_at, sent_at, message_id, attempts, error from integration_critical_outbox
                        where value_id = :id order by id""").param("id", valueId).query(Sent.class).list();
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
