package org.medops.opsdesk.tickets;

import org.medops.opsdesk.HospitalZone;
import java.time.ZoneId;

import org.medops.opsdesk.Priority;
import org.medops.opsdesk.sla.ClockBasis;
import org.medops.opsdesk.sla.TargetKind;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tickets with their clocks and timelines. */
@Repository
class Tickets {

    private final JdbcClient jdbc;
    private final HospitalZone zone;

    Tickets(JdbcClient jdbc, HospitalZone zone) {
        this.jdbc = jdbc;
        this.zone = zone;
    }

    /** Open tickets per priority, and how many of them broke an SLA target in their current cycle (for the meters). */
    List<OpenByPriority> openByPriority() {
        return jdbc.sql("""
                        select t.priority, count(*) as open,
                            count(*) filter (where exists (select 1 from sla_clocks c where c.ticket_id = t.id
                                and c.cycle = t.cycle and c.breached_at is not null)) as breached
                        from tickets t where t.status <> 'CLOSED' group by t.priority""")
                .query((rs, n) -> new OpenByPriority(Priority.valueOf(rs.getString("priority")), rs.getLong("open"),
                        rs.getLong("breached")))
                .list();
    }

    record OpenByPriority(Priority priority, long open, long breached) {
    }

    /** The year in a ticket number is the hospital's year (系统配置 zone) at the moment it was reported. */
    static String numberYear(Instant reportedAt, ZoneId zone) {
        return String.valueOf(reportedAt.atZone(zone).getYear());
    }

    /** Stores a newly reported ticket; its number is {@code GD-<year>-<sequence>}. */
    long insert(Ticket ticket) {
        FaultReport r = ticket.report();
        long id = jdbc.sql("""
                        insert into tickets(number, title, phenomenon, occurred_at, impact_scope, system_codes, category, steps,
                            reporter, contact, source, priority, policy_id, calendar_code, status, cycle, cycle_started_at,
                            recurrence_of, alert_id, reported_at, created_by, calendar_warning)
                        values ('GD-' || :year || '-' || lpad(nextval('ticket_numbers')::text, 6, '0'),
                                :title, :phenomenon, :occurredAt, :impactScope, :systems::varchar[], :category, :steps,
                                :reporter, :contact, :source, :priority, :policyId, :calendarCode, :status, :cycle,
                                :cycleStartedAt, :recurrenceOf, :alertId, :reportedAt, :createdBy, :calendarWarning)
                        returning id""")
                .param("year", numberYear(ticket.reportedAt(), zone.get()))
                .param("title", r.title()).param("phenomenon", r.phenomenon())
                .param("occurredAt", ts(r.occurredAt().toInstant())).param("impactScope", r.impactScope())
                .param("systems", r.systems().toArray(String[]::new)).param("category", r.category().name())
                .param("steps", r.steps()).param("reporter", r.reporter()).param("contact", r.contact())
                .param("source", r.source().name()).param("priority", ticket.priority().name())
                .param("policyId", ticket.terms().policyId()).param("calendarCode", ticket.terms().calendarCode())
                .param("status", ticket.status().name()).param("cycle", ticket.cycle().number())
                .param("cycleStartedAt", ts(ticket.cycle().startedAt())).param("recurrenceOf", ticket.recurrenceOf())
                .param("alertId", ticket.alertId()).param("reportedAt", ts(ticket.reportedAt()))
                .param("createdBy", ticket.reported().by()).param("calendarWarning", ticket.calendarWarning())
                .query(Long.class).single();
        saveClocksAndEntries(id, ticket);
        return id;
    }

    void save(Ticket t) {
        Ticket.Standing standing = t.standing();
        Ticket.Recurrence r = t.recurrence();
        cycle(jdbc.sql("""
                        update tickets set priority = :priority, policy_id = :policyId, calendar_code = :calendarCode,
                            status = :status, status_before_wait = :beforeWait, assignee = :assignee,
                            cycle = :cycle, cycle_started_at = :startedAt, work_mode = :workMode, arrived_at = :arrivedAt,
                            root_cause = :rootCause, location_impact = :locationImpact, fix_priority = :fixPriority,
                            risk = :risk, located_at = :locatedAt, located_by = :locatedBy, fix_summary = :fixSummary,
                            fixed_at = :fixedAt, fixed_by = :fixedBy, confirmed_by = :confirmedBy,
                            confirmer_name = :confirmerName, confirmation = :confirmation, confirmed_at = :confirmedAt,
                            closed_at = :closedAt, calendar_warning = :calendarWarning, recurrence_of = :recurrenceOf,
                            recurrence_confirmed_by = :recurrenceConfirmedBy,
                            recurrence_confirmed_at = :recurrenceConfirmedAt
                        where id = :id"""), t.cycle())
                .param("priority", t.priority().name()).param("policyId", t.terms().policyId())
                .param("calendarCode", t.terms().calendarCode()).param("status", standing.status().name())
                .param("beforeWait", name(standing.beforeWait())).param("assignee", standing.assignee())
                .param("calendarWarning", t.calendarWarning()).param("recurrenceOf", t.recurrenceOf())
                .param("recurrenceConfirmedBy", r == null ? null : r.confirmedBy())
                .param("recurrenceConfirmedAt", r == null ? null : ts(r.confirmedAt())).param("id", t.id())
                .update();
        t.archivedCycle().ifPresent(closed -> archive(t.id(), closed));
        saveClocksAndEntries(t.id(), t);
    }

    private void archive(long ticketId, Ticket.Cycle closed) {
        cycle(jdbc.sql("""
                        insert into ticket_cycles(ticket_id, cycle, started_at, work_mode, arrived_at, root_cause,
                            location_impact, fix_priority, risk, located_at, located_by, fix_summary, fixed_at, fixed_by,
                            confirmed_by, confirmer_name, confirmation, confirmed_at, closed_at)
                        values (:ticketId, :cycle, :startedAt, :workMode, :arrivedAt, :rootCause, :locationImpact,
                            :fixPriority, :risk, :locatedAt, :locatedBy, :fixSummary, :fixedAt, :fixedBy, :confirmedBy,
                            :confirmerName, :confirmation, :confirmedAt, :closedAt)"""), closed)
                .param("ticketId", ticketId).update();
    }

    /** A cycle's fields, named alike in the ticket row (its current cycle) and the archive (its closed ones). */
    private static JdbcClient.StatementSpec cycle(JdbcClient.StatementSpec sql, Ticket.Cycle c) {
        LocationReport l = c.location();
        Ticket.Confirmation s = c.confirmation();
        return sql.param("cycle", c.number()).param("startedAt", ts(c.startedAt()))
                .param("workMode", name(c.workMode())).param("arrivedAt", ts(c.arrivedAt()))
                .param("rootCause", l == null ? null : l.rootCause())
                .param("locationImpact", l == null ? null : l.impact())
                .param("fixPriority", l == null ? null : l.fixPriority()).param("risk", l == null ? null : l.risk())
                .param("locatedAt", ts(c.locatedAt())).param("locatedBy", c.locatedBy())
                .param("fixSummary", c.fixSummary()).param("fixedAt", ts(c.fixedAt())).param("fixedBy", c.fixedBy())
                .param("confirmedBy", s == null ? null : s.username()).param("confirmerName", s == null ? null : s.name())
                .param("confirmation", s == null ? null : s.statement())
                .param("confirmedAt", s == null ? null : ts(s.at())).param("closedAt", ts(c.closedAt()));
    }

    /** The cycles closed before the ticket was reopened, oldest first. */
    List<Ticket.Cycle> closedCycles(long ticketId) {
        return jdbc.sql("select * from ticket_cycles where ticket_id = :ticketId order by cycle")
                .param("ticketId", ticketId).query((rs, n) -> cycle(rs, "started_at")).list();
    }

    private void saveClocksAndEntries(long ticketId, Ticket ticket) {
        for (SlaClock clock : ticket.clocks()) {
            jdbc.sql("""
                            insert into sla_clocks(ticket_id, cycle, kind, basis, target_seconds, started_at, running_since,
                                paused_since, elapsed_seconds, paused_seconds, due_at, stopped_at, breached_at, warned_percent, state)
                            values (:ticketId, :cycle, :kind, :basis, :targetSeconds, :startedAt, :runningSince,
                                :pausedSince, :elapsedSeconds, :pausedSeconds, :dueAt, :stoppedAt, :breachedAt,
                                :warnedPercent, :state)
                            on conflict (ticket_id, cycle, kind) do update set basis = excluded.basis,
                                target_seconds = excluded.target_seconds, running_since = excluded.running_since,
                                paused_since = excluded.paused_since, elapsed_seconds = excluded.elapsed_seconds,
                                paused_seconds = excluded.paused_seconds, due_at = excluded.due_at,
                                stopped_at = excluded.stopped_at, breached_at = excluded.breached_at,
                                warned_percent = excluded.warned_percent, state = excluded.state""")
                    .param("ticketId", ticketId).param("cycle", clock.cycle()).param("kind", clock.kind().name())
                    .param("basis", clock.basis().name()).param("targetSeconds", clock.target().toSeconds())
                    .param("startedAt", ts(clock.startedAt())).param("runningSince", ts(clock.runningSince()))
                    .param("pausedSince", ts(clock.pausedSince())).param("elapsedSeconds", clock.elapsed().toSeconds())
                    .param("pausedSeconds", clock.paused().toSeconds()).param("dueAt", ts(clock.dueAt()))
                    .param("stoppedAt", ts(clock.stoppedAt())).param("breachedAt", ts(clock.breachedAt()))
                    .param("warnedPercent", clock.warnedPercent()).param("state", clock.state().name())
                    .update();
        }
        for (TimelineEntry entry : ticket.newEntries()) {
            jdbc.sql("""
                            insert into ticket_events(ticket_id, at, actor, kind, detail)
                            values (:ticketId, :at, :actor, :kind, :detail)""")
                    .param("ticketId", ticketId).param("at", ts(entry.at())).param("actor", entry.actor())
                    .param("kind", entry.kind()).param("detail", entry.detail()).update();
        }
    }

    Optional<Ticket> find(long id) {
        return jdbc.sql("select * from tickets where id = :id").param("id", id).query(this::map).optional();
    }

    /** Loads a ticket and locks its row until the transaction ends, so two steps never interleave. */
    Optional<Ticket> lock(long id) {
        return jdbc.sql("select * from tickets where id = :id for update").param("id", id).query(this::map).optional();
    }

    /** Locks a ticket unless another transaction holds it (the SLA watch on another node): then nothing. */
    Optional<Ticket> lockUnlessBusy(long id) {
        return jdbc.sql("select * from tickets where id = :id for update skip locked")
                .param("id", id).query(this::map).optional();
    }

    /** Open tickets whose policy measures them on the given calendar. */
    List<Long> openOnCalendar(String calendarCode) {
        return jdbc.sql("""
                select t.id from tickets t join sla_policies p on p.id = t.policy_id
                where t.status <> 'CLOSED' and p.calendar_code = :calendarCode order by t.id""")
                .param("calendarCode", calendarCode)
                .query(Long.class).list();
    }

    long count() {
        return jdbc.sql("select count(*) from tickets").query(Long.class).single();
    }

    boolean exists(long id) {
        return jdbc.sql("select exists(select 1 from tickets where id = :id)").param("id", id).query(Boolean.class)
                .single();
    }

    boolean existsForAlert(long alertId) {
        return jdbc.sql("select count(*) from tickets where alert_id = :alertId").param("alertId", alertId).query(Integer.class).single() > 0;
    }

    List<TimelineEntry> timeline(long ticketId) {
        return jdbc.sql("select at, actor, kind, detail from ticket_events where ticket_id = :ticketId order by id")
                .param("ticketId", ticketId).query(TimelineEntry.class).list();
    }

    /** Every cycle's clocks: a reopened ticket keeps the outcomes of its earlier cycles. */
    List<SlaClock> allClocks(long ticketId) {
        return jdbc.sql("select * from sla_clocks where ticket_id = :ticketId order by cycle, id")
                .param("ticketId", ticketId)
                .query((rs, n) -> clock(rs)).list();
    }

    /** A ticket closed on an overlapping system in the same category, with what its report said. */
    record Closure(long id, String title, String phenomenon) {
    }

    /**
     * How many closures the recurrence check compares a new report with: the latest in its 15-day window on the
     * same systems. Not a page (nobody reads this list); a bound so that a storm of closures cannot make a report slow.
     */
    static final int RECURRENCE_CANDIDATES = 200;

    /**
     * Tickets closed on an overlapping system with the same category between two instants, latest first: the
     * candidates a new fault may repeat (whether it does is for {@link FaultSimilarity}).
     */
    List<Closure> recentClosures(List<String> systems, FaultCategory category, Instant since, Instant until) {
        return jdbc.sql("""
                        select id, title, phenomenon from tickets
                        where status = 'CLOSED' and category = :category and system_codes && :systems::varchar[]
                          and closed_at >= :since and closed_at <= :until
                        order by closed_at desc, id desc limit :limit""")
                .param("limit", RECURRENCE_CANDIDATES).param("category", category.name()).param("systems", systems.toArray(String[]::new))
                .param("since", ts(since)).param("until", ts(until)).query(Closure.class).list();
    }

    /** Another ticket by its number (GD-2026-000123), to link a recurrence by hand. */
    Optional<Ticket.Earlier> earlier(String number) {
        return jdbc.sql("select id, number, reported_at from tickets where number = :number")
                .param("number", number.strip()).query(Ticket.Earlier.class).optional();
    }

    Optional<Ticket.Earlier> earlier(long id) {
        return jdbc.sql("select id, number, reported_at from tickets where id = :id").param("id", id)
                .query(Ticket.Earlier.class).optional();
    }

    /** Tickets whose current cycle has a running clock: what the SLA watch looks at. */
    List<Long> withRunningClocks() {
        return jdbc.sql("""
                select distinct c.ticket_id from sla_clocks c join tickets t on t.id = c.ticket_id and c.cycle = t.cycle
                where c.state = 'RUNNING'""").query(Long.class).list();
    }

    private Ticket map(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        FaultReport report = new FaultReport(rs.getString("title"), rs.getString("phenomenon"),
                rs.getTimestamp("occurred_at").toInstant().atOffset(ZoneOffset.UTC), rs.getString("impact_scope"),
                strings(rs.getArray("system_codes")), FaultCategory.valueOf(rs.getString("category")), rs.getString("steps"),
                rs.getString("reporter"), rs.getString("contact"), ReportSource.valueOf(rs.getString("source")),
                Priority.valueOf(rs.getString("priority")));
        long alert = rs.getLong("alert_id");
        Long alertId = rs.wasNull() ? null : alert;
        Ticket.Reported reported = new Ticket.Reported(instant(rs, "reported_at"), rs.getString("created_by"), alertId);
        Ticket.Standing standing = new Ticket.Standing(TicketStatus.valueOf(rs.getString("status")),
                enumOrNull(TicketStatus.class, rs.getString("status_before_wait")), rs.getString("assignee"));
        Ticket.Cycle cycle = cycle(rs, "cycle_started_at");
        List<SlaClock> clocks = jdbc.sql("select * from sla_clocks where ticket_id = :id and cycle = :cycle order by id")
                .param("id", id).param("cycle", cycle.number()).query((r, n) -> clock(r)).list();
        long recurrenceOf = rs.getLong("recurrence_of");
        Ticket.Recurrence recurrence = rs.wasNull() ? null : new Ticket.Recurrence(recurrenceOf,
                rs.getString("recurrence_confirmed_by"), instant(rs, "recurrence_confirmed_at"));
        return new Ticket(id, rs.getString("number"), report, reported,
                new Ticket.Terms(rs.getLong("policy_id"), rs.getString("calendar_code")), standing, cycle, recurrence,
                rs.getString("calendar_warning"), clocks);
    }

    /** A ticket row (its current cycle) and an archive row (a closed one) name a cycle's columns alike. */
    private static Ticket.Cycle cycle(ResultSet rs, String startedAt) throws SQLException {
        LocationReport location = rs.getString("root_cause") == null ? null : new LocationReport(
                rs.getString("root_cause"), rs.getString("location_impact"), rs.getString("fix_priority"),
                rs.getString("risk"));
        Ticket.Confirmation confirmation = rs.getString("confirmed_by") == null ? null : new Ticket.Confirmation(
                rs.getString("confirmed_by"), rs.getString("confirmer_name"), rs.getString("confirmation"),
                instant(rs, "confirmed_at"));
        return new Ticket.Cycle(rs.getInt("cycle"), instant(rs, startedAt),
                enumOrNull(WorkMode.class, rs.getString("work_mode")), instant(rs, "arrived_at"), location,
                instant(rs, "located_at"), rs.getString("located_by"), rs.getString("fix_summary"),
                instant(rs, "fixed_at"), rs.getString("fixed_by"), confirmation, instant(rs, "closed_at"));
    }

    static SlaClock clock(ResultSet rs) throws SQLException {
        return new SlaClock(rs.getLong("id"), rs.getLong("ticket_id"), rs.getInt("cycle"),
                TargetKind.valueOf(rs.getString("kind")), ClockBasis.valueOf(rs.getString("basis")),
                Duration.ofSeconds(rs.getLong("target_seconds")), instant(rs, "started_at"), instant(rs, "running_since"),
                instant(rs, "paused_since"), Duration.ofSeconds(rs.getLong("elapsed_seconds")),
                Duration.ofSeconds(rs.getLong("paused_seconds")), instant(rs, "due_at"), instant(rs, "stopped_at"),
                instant(rs, "breached_at"), rs.getInt("warned_percent"), SlaClock.State.valueOf(rs.getString("state")));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static <E extends Enum<E>> E enumOrNull(Class<E> type, String value) {
        return value == null ? null : Enum.valueOf(type, value);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
