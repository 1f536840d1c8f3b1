package org.medops.opsdesk.sla;

import org.medops.opsdesk.Priority;
import org.medops.opsdesk.calendar.Calendars;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class SlaApi {

    private final SlaPreview preview;
    private final SlaAdministration administration;

    SlaApi(SlaPreview preview, SlaAdministration administration) {
        this.preview = preview;
        this.administration = administration;
    }

    /** With {@code minutes} and {@code clock}: one due time; with {@code priority}: every target of its policy. */
    @PostMapping("/sla/preview")
    @CanReadSla
    Object preview(@RequestBody SlaPreview.Request request) {
        return request.priority() != null && request.minutes() == null ? preview.targets(request) : preview.due(request);
    }

    @GetMapping("/opsdesk/sla/policies")
    @CanReadSla
    List<PolicyView> policies() {
        return administration.currentPolicies().stream().map(PolicyView::of).toList();
    }

    @PutMapping("/opsdesk/sla/policies/{priority}")
    @CanManageSla
    PolicyView publish(@PathVariable Priority priority, @Valid @RequestBody SlaRequests.PolicyChange change,
                       Authentication who) {
        return PolicyView.of(administration.publish(priority, change, who.getName()));
    }

    @GetMapping("/opsdesk/sla/escalations")
    @CanReadSla
    List<Escalation> escalations() {
        return administration.escalations();
    }

    /** The warning levels: percent of a target used, who is told, and through which notifier targets. */
    @PutMapping("/opsdesk/sla/escalations")
    @CanManageSla
    List<Escalation> replaceEscalations(@RequestBody @Size(max = 10) List<Escalation> levels) {
        return administration.replaceEscalations(levels);
    }

    @GetMapping("/opsdesk/calendars")
    @CanReadSla
    List<SlaAdministration.CalendarStatus> calendars() {
        return administration.calendarStatus();
    }

    /** Replaces a calendar's weekly working intervals; running tickets on it get their due times recomputed. */
    @PutMapping("/opsdesk/calendars/{code}/hours")
    @CanManageSla
    List<Calendars.WorkingHoursRow> replaceHours(@PathVariable String code,
                                                 @RequestBody @Size(max = 50) List<Calendars.WorkingHoursRow> hours,
                                                 Authentication who) {
        administration.replaceHours(code, hours, who.getName());
        return administration.hours(code);
    }

    /** Imports a year's holidays and make-up days: CSV ({@code date,kind,name}) or a JSON array. */
    @PostMapping(value = "/opsdesk/calendars/{code}/holidays", consumes = {"text/csv", "text/plain", "application/json"})
    @CanManageSla
    @ResponseStatus(HttpStatus.CREATED)
    SlaAdministration.ImportResult importHolidays(@PathVariable String code, @RequestBody String table,
                                                  Authentication who) {
        return administration.importHolidays(code, table, "API", who.getName());
    }

    /** A policy version as the API shows it: its targets, and who published it when. */
    record PolicyView(long id, Priority priority, int version, String name, String calendarCode,
                      List<SlaTarget> targets, Instant createdAt, String createdBy) {

        static PolicyView of(SlaPolicy policy) {
            return new PolicyView(policy.id(), policy.priority(), policy.version(), policy.name(), policy.calendarCode(),
                    policy.targets(), policy.createdAt(), policy.createdBy());
        }
    }
}
