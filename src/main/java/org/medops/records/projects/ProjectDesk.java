package org.medops.records.projects;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;

import org.medops.opsdesk.HolidayCalendar;
import org.medops.opsdesk.HospitalZone;
import org.medops.opsdesk.OpsdeskSystems;
import org.medops.records.archive.ArchiveFiles;
import org.medops.shared.FieldChange;
import org.medops.shared.ProblemException;
import org.medops.shared.Workbench;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Plans projects and moves them along: completing a milestone dates the next one on the business calendar, a written
 * extension agreed by the other party moves the delivery. The vendor completes its own milestones; the confirmation,
 * the test report's scenario sign-off and the acceptance are the hospital's word. Every change is audited.
 */
@Service
class ProjectDesk {

    private final Projects projects;
    private final HolidayCalendar calendar;
    private final HospitalZone zone;
    private final OpsdeskSystems systems;
    private final ProjectRules rules;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ProjectDesk(Projects projects, HolidayCalendar calendar, HospitalZone zone, OpsdeskSystems systems,
                ProjectRules rules, ApplicationEventPublisher events, Clock clock) {
        this.projects = projects;
        this.calendar = calendar;
        this.zone = zone;
        this.systems = systems;
        this.rules = rules;
        this.events = events;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone.get());
    }

    java.time.ZoneId zoneId() {
        return zone.get();
    }

    WorkingDays days() {
        return WorkingDays.of(calendar.current());
    }

    @Transactional
    ProjectView create(ProjectRequest request, String actor) {
        if (request == null) {
            throw ProblemException.invalid("project-name-invalid", Project.MAX_NAME);
        }
        if (request.systems() != null && !request.systems().isEmpty()) {
            systems.requireActive(request.systems());
        }
        WorkingDays days = days();
        Project project = projects.insert(Project.plan(request.name(), request.systems(), request.fee(),
                request.startedOn(), request.scenarios(), request.notifyTargets(), clock.instant(), actor, days, rules));
        events.publishEvent(new ProjectAction("records.project.create", String.valueOf(project.id()), List.of(
                FieldChange.set("projectName", project.name()), FieldChange.set("systems", project.systems()),
                FieldChange.set("projectFee", project.fee().toPlainString()),
                FieldChange.set("projectStartedOn", project.startedOn().toString()))));
        return ProjectView.of(project, today(), days, rules);
    }

    ProjectView view(long id) {
        return ProjectView.of(project(id), today(), days(), rules);
    }

    Milestone.Document document(long id, MilestoneCode code) {
        Milestone.Document document = project(id).milestone(code).document();
        if (document == null) {
            throw ProblemException.notFound("project-document", id + "/" + code.name());
        }
        return document;
    }

    @Transactional
    ProjectView complete(long id, MilestoneCode code, LocalDate on, Milestone.Document document, List<String> covered,
                         Authentication who) {
        String needed = code.hospitalSigns() ? "records:agree" : "records:write";
        if (!Workbench.holds(who, needed)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, code.hospitalSigns() ? "project-milestone-hospital"
                    : "project-milestone-vendor", code.name());
        }
        Project before = projects.lock(id).orElseThrow(() -> ProblemException.notFound("project", id));
        WorkingDays days = days();
        Project after = projects.save(before.complete(code, on, who.getName(), document, covered, today(), days, rules));
        Milestone done = after.milestone(code);
        MilestoneCode next = code.next();
        events.publishEvent(new ProjectAction("records.project.milestone", id + "/" + code.name(), List.of(
                FieldChange.set("projectMilestone", code.name()), FieldChange.set("projectCompletedOn", on.toString()),
                FieldChange.set("projectDue", done.due() == null ? null : done.due().toString()),
                FieldChange.set("projectLate", done.late(on, days)),
                FieldChange.set("fileName", document.fileName()),
                FieldChange.set("projectNextDue", next == null ? null : String.valueOf(after.milestone(next).due())))));
        return ProjectView.of(after, today(), days, rules);
    }

    /** Reads an API upload: Base64 content whose type the archive accepts. */
    static Milestone.Document document(CompleteRequest.DocumentUpload upload) {
        if (upload == null || upload.content() == null) {
            return null;
        }
        byte[] content;
        try {
            content = Base64.getMimeDecoder().decode(upload.content());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("archive-file-base64");
        }
        return document(upload.fileName(), content);
    }

    static Milestone.Document document(String fileName, byte[] content) {
        String name = ArchiveFiles.safeName(fileName);
        return new Milestone.Document(name, ArchiveFiles.contentType(name, content), content);
    }

    @Transactional
    ProjectView propose(long id, ExtensionRequest request, Authentication who) {
        Project before = projects.lock(id).orElseThrow(() -> ProblemException.notFound("project", id));
        int workingDays = request == null || request.workingDays() == null ? 0 : request.workingDays();
        String reason = request == null || request.reason() == null ? null : request.reason().strip();
        Party party = partyOf(who);
        Project after = projects.save(before.propose(new Extension(0, workingDays, reason, who.getName(), party,
                clock.instant(), null, null)));
        events.publishEvent(new ProjectAction("records.project.extension.propose", String.valueOf(id), List.of(
                FieldChange.set("projectExtensionDays", workingDays), FieldChange.set("projectExtensionReason", reason),
                FieldChange.set("projectExtensionParty", party))));
        return ProjectView.of(after, today(), days(), rules);
    }

    @Transactional
    ProjectView agree(long id, long extensionId, Authentication who) {
        Project before = projects.lock(id).orElseThrow(() -> ProblemException.notFound("project", id));
        WorkingDays days = days();
        Project after = projects.save(before.agree(extensionId, who.getName(), partyOf(who), clock.instant(), days));
        events.publishEvent(new ProjectAction("records.project.extension.agree", String.valueOf(id), List.of(
                FieldChange.set("projectExtension", extensionId),
                FieldChange.of("projectDeliveryDue", String.valueOf(before.milestone(MilestoneCode.DELIVERY).due()),
                        String.valueOf(after.milestone(MilestoneCode.DELIVERY).due())))));
        return ProjectView.of(after, today(), days, rules);
    }

    /** The hospital's side holds records:agree (it signs the confirmation and acceptance); everyone else is the vendor's. */
    static Party partyOf(Authentication who) {
        return who.getAuthorities().stream().anyMatch(a -> "records:agree".equals(a.getAuthority())) ? Party.HOSPITAL
                : Party.VENDOR;
    }

    private Project project(long id) {
        return projects.find(id).orElseThrow(() -> ProblemException.notFound("project", id));
    }
}
