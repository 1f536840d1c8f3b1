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
                        values ('GD-' || ? || '-'
                                    || lpad(nextval('ticket_numbers')::text, 6, '0'),
                                ?, ?, ?, ?, ?::varchar[], ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(numberYear(ticket.reportedAt(), zone.get()), r.title(), r.phenomenon(), ts(r.occurredAt().toInstant()), r.impactScope(),
                        r.systems().toArray(String[]::new), r.category().name(), r.steps(), r.reporter(), r.contact(),
                        r.source().name(), ticket.priority().name(), ticket.policyId(), ticket.calendarCode(),
                        ticket.status().name(), ticket.cycle(), ts(ticket.cycleStartedAt()), ticket.recurrenceOf(),
                        ticket.alertId(), ts(ticket.reportedAt()), ticket.createdBy(), ticket.calendarWarning())
                .query(Long.class).single();
        saveClocksAndEntries(id, ticket);
        return id;
    }

    void save(Ticket t) {
        Ticket.Confirmation c = t.confirmation();
        LocationReport l = t.location();
        Ticket.Recurrence r = t.recurrence();
        jdbc.sql("""
                        update tickets set priority = ?, policy_id = ?, calendar_code = ?, status = ?, status_before_wait = ?,
                            cycle = ?,
                            cycle_started_at = ?, assignee = ?, work_mode = ?, arrived_at = ?, root_cause = ?, location_impact = ?,
                            fix_priority = ?, risk = ?, located_at = ?, located_by = ?, fix_summary = ?, fixed_at = ?,
                            fixed_by = ?, confirmed_by = ?, confirmer_name = ?, confirmation = ?, confirmed_at = ?,
                            closed_at = ?, calendar_warning = ?, recurrence_of = ?, recurrence_confirmed_by = ?,
                            recurrence_confirmed_at = ?
                        where id = ?""")
                .params(t.priority().name(), t.policyId(), t.calendarCode(), t.status().name(), name(t.statusBeforeWait()), t.cycle(),
                        ts(t.cycleStartedAt()), t.assignee(), name(t.workMode()), ts(t.arrivedAt()),
                        l == null ? null : l.rootCause(), l == null ? null : l.impact(), l == null ? null : l.fixPriority(),
                        l == null ? null : l.risk(), ts(t.locatedAt()), t.locatedBy(), t.fixSummary(), ts(t.fixedAt()),
                        t.fixedBy(), c == null ? null : c.username(), c == null ? null : c.name(),
                        c == null ? null : c.statement(), c == null ? null : ts(c.at()), ts(t.closedAt()),
                        t.calendarWarning(), t.recurrenceOf(), r == null ? null : r.confirmedBy(),
                        r == null ? null : ts(r.confirmedAt()), t.id())
                .update();
        t.archivedCycle().ifPresent(closed -> archive(t.id(), closed));
        saveClocksAndEntries(t.id(), t);
    }

    private void archive(long ticketId, Ticket.ClosedCycle c) {
        LocationReport l = c.location();
        Ticket.Confirmation s = c.confirmation();
        jdbc.sql("""
                        insert into ticket_cycles(ticket_id, cycle, root_cause, location_impact, fix_priority, risk, located_at,
                            located_by, fix_summary, fixed_at, fixed_by, confirmed_by, confirmer_name, confirmation, confirmed_at,
                            closed_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(ticketId, c.cycle(), l == null ? null : l.rootCause(), l == null ? null : l.impact(),
                        l == null ? null : l.fixPriority(), l == null ? null : l.risk(), ts(c.locatedAt()), c.locatedBy(),
                        c.fixSummary(), ts(c.fixedAt()), c.fixedBy(), s == null ? null : s.username(),
                        s == null ? null : s.name(), s == null ? null : s.statement(), s == null ? null : ts(s.at()),
                        ts(c.closedAt()))
                .update();
    }

    /** The cycles closed before the ticket was reopened, oldest first. */
    List<Ticket.ClosedCycle> closedCycles(long ticketId) {
        return jdbc.sql("select * from ticket_cycles where ticket_id = ? order by cycle").param(ticketId)
                .query((rs, n) -> new Ticket.ClosedCycle(rs.getInt("cycle"), location(rs), instant(rs, "located_at"),
                        rs.getString("located_by"), rs.getString("fix_summary"), instant(rs, "fixed_at"),
                        rs.getString("fixed_by"), confirmation(rs), instant(rs, "closed_at"))).list();
    }

    private void saveClocksAndEntries(long ticketId, Ticket ticket) {
        for (SlaClock clock : ticket.clocks()) {
            jdbc.sql("""
                            insert into sla_clocks(ticket_id, cycle, kind, basis, target_seconds, started_at, running_since,
                                paused_since, elapsed_seconds, paused_seconds, due_at, stopped_at, breached_at, warned_percent, state)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                            on conflict (ticket_id, cycle, kind) do update set basis = excluded.basis,
                                target_seconds = excluded.target_seconds, running_since = excluded.running_since,
                                paused_since = excluded.paused_since, elapsed_seconds = excluded.elapsed_seconds,
                                paused_seconds = excluded.paused_seconds, due_at = excluded.due_at,
                                stopped_at = excluded.stopped_at, breached_at = excluded.breached_at,
                                warned_percent = excluded.warned_percent, state = excluded.state""")
                    .params(ticketId, clock.cycle(), clock.kind().name(), clock.basis().name(), clock.target().toSeconds(),
                            ts(clock.startedAt()), ts(clock.runningSince()), ts(clock.pausedSince()),
                            clock.elapsed().toSeconds(), clock.paused().toSeconds(), ts(clock.dueAt()),
                            ts(clock.stoppedAt()), ts(clock.breachedAt()), clock.warnedPercent(), clock.state().name())
                    .update();
        }
        for (TimelineEntry entry : ticket.newEntries()) {
            jdbc.sql("insert into ticket_events(ticket_id, at, actor, kind, detail) values (?, ?, ?, ?, ?)")
                    .params(ticketId, ts(entry.at()), entry.actor(), entry.kind(), entry.detail()).update();
        }
    }

    Optional<Ticket> find(long id) {
        return jdbc.sql("select * from tickets where id = ?").param(id).query(this::map).optional();
    }

    /** Loads a ticket and locks its row until the transaction ends, so two steps never interleave. */
    Optional<Ticket> lock(long id) {
        return jdbc.sql("select * from tickets where id = ? for update").param(id).query(this::map).optional();
    }

    /** Locks a ticket unless another transaction holds it (the SLA watch on another node): then nothing. */
    Optional<Ticket> lockUnlessBusy(long id) {
        return jdbc.sql("select * from tickets where id = ? for update skip locked").param(id).query(this::map).optional();
    }

    /** Open tickets whose policy measures them on the given calendar. */
    List<Long> openOnCalendar(String calendarCode) {
        return jdbc.sql("""
                select t.id from tickets t join sla_policies p on p.id = t.policy_id
                where t.status <> 'CLOSED' and p.calendar_code = ? order by t.id""").param(calendarCode)
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
        return jdbc.sql("select count(*) from tickets where alert_id = ?").param(alertId).query(Integer.class).single() > 0;
    }

    List<TimelineEntry> timeline(long ticketId) {
        return jdbc.sql("select at, actor, kind, detail from ticket_events where ticket_id = ? order by id")
                .param(ticketId).query(TimelineEntry.class).list();
    }

    /** Every cycle's clocks: a reopened ticket keeps the outcomes of its earlier cycles. */
    List<SlaClock> allClocks(long ticketId) {
        return jdbc.sql("select * from sla_clocks where ticket_id = ? order by cycle, id").param(ticketId)
                .query((rs, n) -> clock(rs)).list();
    }

    /** A ticket closed on an overlapping system in the same category, with what its report said. */
    record Closure(long id, String title, String phenomenon) {
    }

    /**
     * Tickets closed on an overlapping system with the same category between two instants, latest first: the
     * candidates a new fault may repeat (whether it does is for {@link FaultSimilarity}).
     */
    List<Closure> recentClosures(List<String> systems, FaultCategory category, Instant since, Instant until) {
        return jdbc.sql("""
                        select id, title, phenomenon from tickets
                        where status = 'CLOSED' and category = :category and system_codes && :systems::varchar[]
                          and closed_at >= :since and closed_at <= :until
                        order by closed_at desc, id desc limit 200""")
                .param("category", category.name()).param("systems", systems.toArray(String[]::new))
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
        int cycle = rs.getInt("cycle");
        FaultReport report = new FaultReport(rs.getString("title"), rs.getString("phenomenon"),
                rs.getTimestamp("occurred_at").toInstant().atOffset(ZoneOffset.UTC), rs.getString("impact_scope"),
                strings(rs.getArray("system_codes")), FaultCategory.valueOf(rs.getString("category")), rs.getString("steps"),
                rs.getString("reporter"), rs.getString("contact"), ReportSource.valueOf(rs.getString("source")),
                Priority.valueOf(rs.getString("priority")));
        LocationReport location = location(rs);
        Ticket.Confirmation confirmation = confirmation(rs);
        List<SlaClock> clocks = jdbc.sql("select * from sla_clocks where ticket_id = ? and cycle = ? order by id")
                .params(id, cycle).query((r, n) -> clock(r)).list();
        long recurrenceOf = rs.getLong("recurrence_of");
        Ticket.Recurrence recurrence = rs.wasNull() ? null : new Ticket.Recurrence(recurrenceOf,
                rs.getString("recurrence_confirmed_by"), instant(rs, "recurrence_confirmed_at"));
        long alert = rs.getLong("alert_id");
        Long alertId = rs.wasNull() ? null : alert;
        return new Ticket(id, rs.getString("number"), report, instant(rs, "reported_at"), rs.getString("created_by"),
                Priority.valueOf(rs.getString("priority")), rs.getLong("policy_id"), rs.getString("calendar_code"),
                TicketStatus.valueOf(rs.getString("status")), enumOrNull(TicketStatus.class, rs.getString("status_before_wait")),
                cycle, instant(rs, "cycle_started_at"), rs.getString("assignee"),
                enumOrNull(WorkMode.class, rs.getString("work_mode")), instant(rs, "arrived_at"), location,
                instant(rs, "located_at"), rs.getString("located_by"), rs.getString("fix_summary"), instant(rs, "fixed_at"),
                rs.getString("fixed_by"), confirmation, instant(rs, "closed_at"), recurrence, alertId,
                rs.getString("calendar_warning"), clocks);
    }

    /** A ticket row and a closed-cycle row name the location report and the confirmation alike. */
    private static LocationReport location(ResultSet rs) throws SQLException {
        return rs.getString("root_cause") == null ? null : new LocationReport(rs.getString("root_cause"),
                rs.getString("location_impact"), rs.getString("fix_priority"), rs.getString("risk"));
    }

    private static Ticket.Confirmation confirmation(ResultSet rs) throws SQLException {
        return rs.getString("confirmed_by") == null ? null : new Ticket.Confirmation(rs.getString("confirmed_by"),
                rs.getString("confirmer_name"), rs.getString("confirmation"), instant(rs, "confirmed_at"));
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
