package org.medops.integration.critical;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.medops.dataaccess.ContentGrants;
import org.medops.dataaccess.Scope;
import org.medops.settings.Settings;
import org.medops.shared.ListExport;
import org.medops.shared.ListPage;
import org.medops.shared.ListRequest;
import org.medops.shared.ProblemException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** The list, a record with its timeline and the stage-time report, for the page and the API alike. */
@Component
class CriticalBoard {

    static final String DATA = "integration:data";

    /** The list's parameters as the page and the API take them; dates are days in the hospital's zone. */
    record Query(String status, Boolean open, String department, Boolean overdue, String from, String to,
                 Integer page, Integer size, String sort) {

        ListRequest request() {
            return ListRequest.of(page, size, sort, CriticalValues.SORT);
        }

        CriticalValues.Filter filter(ZoneId zone, Instant now) {
            CriticalValue.Status chosen = null;
            if (status != null && !status.isBlank()) {
                try {
                    chosen = CriticalValue.Status.valueOf(status.strip().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw ProblemException.invalid("critical-value-status-invalid", status);
                }
            }
            return new CriticalValues.Filter(chosen, open, blank(department), Boolean.TRUE.equals(overdue) ? now : null,
                    day(from, zone, 0), day(to, zone, 1));
        }
    }

    private final CriticalValues values;
    private final Settings settings;
    private final ListExport export;
    private final Clock clock;
    private final ContentGrants grants;

    CriticalBoard(CriticalValues values, Settings settings, ListExport export, Clock clock,
                  ObjectProvider<ContentGrants> grants) {
        this.grants = grants.getIfAvailable(() -> ContentGrants.NONE);
        this.values = values;
        this.settings = settings;
        this.export = export;
        this.clock = clock;
    }

    ListPage<CriticalView> page(Query query, Authentication reader, HttpServletRequest http) {
        ListRequest request = query.request();
        Instant now = clock.instant();
        CriticalValues.Filter filter = query.filter(zone(), now);
        boolean whole = whole(reader);
        List<CriticalView> rows = values.rows(filter, request.sort(), request.offset(), request.size()).stream()
                .map(v -> CriticalView.of(v, whole, now)).toList();
        return ListPage.of(rows, values.count(filter), request, http);
    }

    /** Every value the query selects (all pages), patients masked as on the page, in the reader's language. */
    void exportList(Query query, String format, Authentication reader, Locale locale, HttpServletRequest http,
                    HttpServletResponse response) throws IOException {
        ListExport.Format chosen = ListExport.Format.of(format);
        ListRequest request = query.request();
        Instant now = clock.instant();
        boolean whole = whole(reader);
        List<CriticalView> rows = values.rows(query.filter(zone(), now), request.sort(), 0, ListExport.MAX_ROWS + 1)
                .stream().map(v -> CriticalView.of(v, whole, now)).toList();
        export.write(chosen, new ListExport.Table<>("critical-values", List.of(
                ListExport.Column.of("critical.reportedAt", CriticalView::recordedAt),
                ListExport.Column.of("critical.patient", v -> v.patient().name() + " " + v.patient().id()),
                ListExport.Column.of("critical.item", v -> v.itemName() == null ? v.itemCode() : v.itemName()),
                ListExport.Column.of("critical.value", v -> v.value() + (v.unit() == null ? "" : " " + v.unit())),
                ListExport.Column.of("critical.flag", CriticalView::flag),
                ListExport.Column.of("critical.range", CriticalView::referenceRange),
                ListExport.Column.of("critical.reportedBy", v -> v.reportingDepartment() + " / " + v.reporter()),
                ListExport.Column.of("critical.orderer", v -> v.orderingDepartment() + " / " + v.ward() + " / " + v.clinician()),
                ListExport.Column.label("critical.status", v -> "critical.status." + v.status()),
                ListExport.Column.of("critical.acknowledged", CriticalView::acknowledgedAt),
                ListExport.Column.of("critical.action", CriticalView::handleAction),
                ListExport.Column.of("critical.closed", CriticalView::closedAt)), rows,
                ListPage.of(List.of(), 0, request, http).filter()), zone(), locale, response);
    }

    /** One value; a grant of the security committee for its channel shows the patient, and that view is audited. */
    CriticalView.Detail detail(long id, Authentication reader) {
        CriticalValue v = values.find(id).orElseThrow(() -> ProblemException.notFound("critical-value", id));
        boolean granted = !whole(reader) && v.channel() != null && grants.unmasked(reader, Scope.channel(v.channel()));
        if (granted) {
            grants.viewed(reader, Scope.channel(v.channel()), "critical-value", Long.toString(id));
        }
        return new CriticalView.Detail(CriticalView.of(v, whole(reader) || granted, clock.instant()), values.timeline(id),
                values.sentToHis(id));
    }

    CriticalView view(CriticalValue v, Authentication reader) {
        return CriticalView.of(v, whole(reader), clock.instant());
    }

    /** Months {@code from}..{@code to} ({@code yyyy-MM}), by default the last six. */
    List<StageTimes.Row> report(String from, String to) {
        ZoneId zone = zone();
        YearMonth last = month(to, YearMonth.now(clock.withZone(zone)));
        YearMonth first = month(from, last.minusMonths(5));
        if (first.isAfter(last) || first.plusMonths(36).isBefore(last)) {
            throw ProblemException.invalid("critical-report-months-invalid", from, to);
        }
        return StageTimes.of(values.reportedBetween(first.atDay(1).atStartOfDay(zone).toInstant(),
                last.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant()), zone);
    }

    void exportReport(String from, String to, String format, Locale locale, HttpServletRequest http,
                      HttpServletResponse response) throws IOException {
        ListExport.Format chosen = ListExport.Format.of(format);
        List<StageTimes.Row> rows = report(from, to);
        java.util.Map<String, List<String>> filter = new java.util.LinkedHashMap<>();
        http.getParameterMap().forEach((name, v) -> filter.put(name, List.of(v)));
        export.write(chosen, new ListExport.Table<>("critical-values-report", List.of(
                ListExport.Column.of("critical.report.month", StageTimes.Row::month),
                ListExport.Column.of("critical.report.department", StageTimes.Row::department),
                ListExport.Column.of("critical.report.count", StageTimes.Row::count),
                ListExport.Column.of("critical.report.acknowledged", StageTimes.Row::acknowledged),
                ListExport.Column.of("critical.report.ackMedian", StageTimes.Row::ackMedian),
                ListExport.Column.of("critical.report.ackP90", StageTimes.Row::ackP90),
                ListExport.Column.of("critical.report.within10", StageTimes.Row::within10),
                ListExport.Column.of("critical.report.within30", StageTimes.Row::within30),
                ListExport.Column.of("critical.report.handleMedian", StageTimes.Row::handleMedian),
                ListExport.Column.of("critical.report.handleP90", StageTimes.Row::handleP90),
                ListExport.Column.of("critical.report.closeMedian", StageTimes.Row::closeMedian),
                ListExport.Column.of("critical.report.closeP90", StageTimes.Row::closeP90)), rows, filter),
                zone(), locale, response);
    }

    private ZoneId zone() {
        return settings.current().zone();
    }

    static boolean whole(Authentication reader) {
        return reader != null && reader.getAuthorities().stream().anyMatch(a -> DATA.equals(a.getAuthority()));
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static Instant day(String text, ZoneId zone, int plusDays) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip()).plusDays(plusDays).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("critical-value-date-invalid", text);
        }
    }

    private static YearMonth month(String text, YearMonth fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("critical-report-months-invalid", text, "");
        }
    }
}
