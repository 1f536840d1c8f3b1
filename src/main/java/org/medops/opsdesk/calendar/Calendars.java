package org.medops.opsdesk.calendar;

import java.sql.Time;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Business calendars with their hours, dated exceptions and imported years. */
@Repository
public class Calendars {

    private final JdbcClient jdbc;

    Calendars(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Summary(String code, String name, String zone, boolean isDefault) {
    }

    public record ImportedYear(int year, String source, Instant importedAt, String importedBy) {
    }

    public List<Summary> all() {
        return jdbc.sql("select code, name, zone, is_default from business_calendars order by is_default desc, code")
                .query(Summary.class).list();
    }

    public String defaultCode() {
        return jdbc.sql("select code from business_calendars where is_default").query(String.class).single();
    }

    public Optional<BusinessCalendar> find(String code) {
        Optional<Summary> summary = jdbc.sql("select code, name, zone, is_default from business_calendars where code = :code")
                .param("code", code).query(Summary.class).optional();
        return summary.map(this::load);
    }

    private BusinessCalendar load(Summary summary) {
        Map<DayOfWeek, List<WorkingHours>> weekly = new EnumMap<>(DayOfWeek.class);
        jdbc.sql("select day_of_week, start_time, end_time from calendar_hours where calendar_code = :code")
                .param("code", summary.code())
                .query((rs, n) -> {
                    DayOfWeek day = DayOfWeek.of(rs.getInt(1));
                    WorkingHours hours = new WorkingHours(rs.getTime(2).toLocalTime(), rs.getTime(3).toLocalTime());
                    weekly.merge(day, List.of(hours), (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList());
                    return day;
                }).list();
        List<CalendarDay> days = jdbc.sql("select day, kind, name from calendar_days where calendar_code = :code")
                .param("code", summary.code())
                .query((rs, n) -> new CalendarDay(rs.getDate(1).toLocalDate(), CalendarDay.Kind.valueOf(rs.getString(2)),
                        rs.getString(3))).list();
        Set<Integer> years = new HashSet<>(jdbc.sql("select year from calendar_years where calendar_code = :code")
                .param("code", summary.code()).query(Integer.class).list());
        return new BusinessCalendar(summary.code(), ZoneId.of(summary.zone()), weekly, days, years);
    }

    public List<ImportedYear> years(String code) {
        return jdbc.sql("""
                select year, source, imported_at, imported_by from calendar_years where calendar_code = :code order by year""")
                .param("code", code).query(ImportedYear.class).list();
    }

    public List<CalendarDay> days(String code, int year) {
        return jdbc.sql("""
                        select day, kind, name from calendar_days
                        where calendar_code = :code and extract(year from day) = :year order by day""")
                .param("code", code).param("year", year)
                .query((rs, n) -> new CalendarDay(rs.getDate(1).toLocalDate(), CalendarDay.Kind.valueOf(rs.getString(2)),
                        rs.getString(3))).list();
    }

    /** Replaces one year's exceptions with a table and records where it came from. */
    public void importYear(String code, HolidayTable table, String source, String by, Instant at) {
        jdbc.sql("delete from calendar_days where calendar_code = :code and extract(year from day) = :year")
                .param("code", code).param("year", table.year()).update();
        for (CalendarDay day : table.days()) {
            jdbc.sql("insert into calendar_days(calendar_code, day, kind, name) values (:code, :day, :kind, :name)")
                    .param("code", code).param("day", java.sql.Date.valueOf(day.date()))
                    .param("kind", day.kind().name()).param("name", day.name()).update();
        }
        jdbc.sql("""
                        insert into calendar_years(calendar_code, year, source, imported_at, imported_by)
                        values (:code, :year, :source, :at, :by)
                        on conflict (calendar_code, year) do update
                        set source = excluded.source, imported_at = excluded.imported_at, imported_by = excluded.imported_by""")
                .param("code", code).param("year", table.year()).param("source", source)
                .param("at", Timestamp.from(at)).param("by", by).update();
    }

    public void lockForImport() {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('medops.calendar-import'))").query((rs, n) -> 1).list();
    }

    public boolean hasYear(String code, int year) {
        return jdbc.sql("select count(*) from calendar_years where calendar_code = :code and year = :year")
                .param("code", code).param("year", year)
                .query(Integer.class).single() > 0;
    }

    public List<WorkingHoursRow> hours(String code) {
        return jdbc.sql("""
                        select day_of_week, start_time, end_time from calendar_hours
                        where calendar_code = :code order by day_of_week, start_time""")
                .param("code", code).query((rs, n) -> new WorkingHoursRow(DayOfWeek.of(rs.getInt(1)),
                        new WorkingHours(rs.getTime(2).toLocalTime(), rs.getTime(3).toLocalTime()))).list();
    }

    public void replaceHours(String code, List<WorkingHoursRow> rows) {
        jdbc.sql("delete from calendar_hours where calendar_code = :code").param("code", code).update();
        for (WorkingHoursRow row : rows) {
            jdbc.sql("""
                            insert into calendar_hours(calendar_code, day_of_week, start_time, end_time)
                            values (:code, :day, :start, :end)""")
                    .param("code", code).param("day", row.day().getValue())
                    .param("start", Time.valueOf(row.hours().start())).param("end", Time.valueOf(row.hours().end()))
                    .update();
        }
    }

    public record WorkingHoursRow(DayOfWeek day, WorkingHours hours) {
    }
}
