package org.medops.opsdesk.changes;

import org.medops.opsdesk.ChangeAuthorizationGuard;
import org.medops.opsdesk.ChangeCompleted;
import org.medops.opsdesk.OpsdeskSystems;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.function.UnaryOperator;

import org.medops.shared.FieldChange;
import org.medops.shared.ProblemException;
import org.medops.signature.Sheet;
import org.medops.signature.SignedDocuments;
import org.medops.signature.Signer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Requests, authorizes and records changes; production changes only inside the maintenance window. */
@Service
class ChangeDesk {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Changes changes;
    private final OpsdeskSystems systems;
    private final MaintenanceWindow window;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final org.springframework.beans.factory.ObjectProvider<ChangeAuthorizationGuard> guards;

    private final SignedDocuments signatures;
    private final MessageSource messages;

    ChangeDesk(Changes changes, OpsdeskSystems systems, MaintenanceWindowSettings windowSettings,
               ApplicationEventPublisher events, Clock clock,
               org.springframework.beans.factory.ObjectProvider<ChangeAuthorizationGuard> guards,
               SignedDocuments signatures, MessageSource messages) {
        this.signatures = signatures;
        this.messages = messages;
        this.guards = guards;
        this.changes = changes;
        this.systems = systems;
        this.window = windowSettings.window();
        this.events = events;
        this.clock = clock;
    }

    MaintenanceWindow window() {
        return window;
    }

    @Transactional
    Change request(NewChange plan, String by) {
        plan.requireOrderedPeriod();
        Instant now = clock.instant();
        // Only new requests: the demo replays past changes through Change.request without this desk. A minute
        // of grace, as the console's form is precise to the minute.
        if (plan.plannedStart().isBefore(now.minusSeconds(60))) {
            throw ProblemException.invalid("change-planned-in-past", shown(plan.plannedStart()), shown(now));
        }
        systems.requireActive(plan.systemCode());
        if (plan.environment() == ChangeEnvironment.PRODUCTION
                && !window.contains(plan.plannedStart(), plan.plannedEnd())) {
            throw ProblemException.invalid("change-outside-window", shown(plan.plannedStart()),
                    shown(plan.plannedEnd()), window.start().toString(), window.end().toString(), window.zone().getId());
        }
        changes.firstOverlapping(plan.systemCode(), plan.environment(), plan.plannedStart(), plan.plannedEnd())
                .ifPresent(other -> {
                    throw ProblemException.conflict("change-overlaps", Long.toString(other.id()), other.title(),
                            shown(other.plannedStart()), shown(other.plannedEnd()), other.plan().systemCode());
                });
        Change requested = Change.request(plan, by, now);
        long id = changes.insert(requested);
        events.publishEvent(new ChangeAction("change.request", Long.toString(id), FieldChange.between(null, plan)));
        return changes.find(id).orElseThrow();
    }

    @Transactional
    Change authorize(long id, String signerName, String statement, String by) {
        Instant now = clock.instant();
        // Other features' preconditions (an upgrade's agreed documents) are checked under the change's lock.
        Change authorized = apply(id, "change.authorize", c -> {
            Change next = c.authorize(by, signerName, statement, now);
            guards.orderedStream().forEach(guard -> guard.beforeAuthorization(PublishedChanges.summary(c)));
            return next;
        });
        Change.Authorization a = authorized.authorization();
        signatures.signSheet(SIGNED_TYPE, Long.toString(id), new Signer(by, a.signerName()), a.statement(),
                sheet(authorized));
        return authorized;
    }

    /** The document type under which the signature module keeps a change authorization's signed sheet. */
    static final String SIGNED_TYPE = "change-authorization";

    /** The hospital's written authorization as the sheet its signer's electronic signature goes on. */
    private Sheet sheet(Change change) {
        NewChange plan = change.plan();
        Change.Authorization a = change.authorization();
        return new Sheet(chinese("signature.sheet.change.title", change.id()), java.util.List.of(
                new Sheet.Line(chinese("signature.sheet.change.subject"), plan.title()),
                new Sheet.Line(chinese("signature.sheet.change.system"), plan.systemCode()),
                new Sheet.Line(chinese("signature.sheet.change.period"),
                        shown(plan.plannedStart()) + " – " + shown(plan.plannedEnd())),
                new Sheet.Line(chinese("signature.sheet.change.plan"), plan.plan()),
                new Sheet.Line(chinese("signature.sheet.change.rollback"), plan.rollbackPlan()),
                new Sheet.Line(chinese("signature.sheet.change.statement"), a.statement()),
                new Sheet.Line(chinese("signature.sheet.signer"), a.signerName()),
                new Sheet.Line(chinese("signature.sheet.signedAt"), shown(a.at()))));
    }

    private String chinese(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, java.util.Locale.SIMPLIFIED_CHINESE);
    }

    @Transactional
    Change refuse(long id, String signerName, String reason, String by) {
        Instant now = clock.instant();
        return apply(id, "change.refuse", c -> c.refuse(by, signerName, reason, now));
    }

    /** The engineer asks the hospital to let an authorised change start outside its period. */
    @Transactional
    Change requestEmergency(long id, String reason, String by) {
        Instant now = clock.instant();
        return apply(id, "change.emergency-request", c -> c.requestEmergency(by, reason, now));
    }

    /** A hospital reviewer approves the emergency; never the one who asked, nor the change's requester. */
    @Transactional
    Change approveEmergency(long id, String signerName, String by) {
        Instant now = clock.instant();
        return apply(id, "change.emergency-approve", c -> c.approveEmergency(by, signerName, now));
    }

    @Transactional
    Change rejectEmergency(long id, String signerName, String reason, String by) {
        Instant now = clock.instant();
        return apply(id, "change.emergency-reject", c -> c.rejectEmergency(by, signerName, reason, now));
    }

    /** Outside the authorised period only under an approved emergency, audited as its own action. */
    @Transactional
    Change start(long id, Instant at) {
        Instant when = recorded(at);
        Change before = changes.lock(id).orElseThrow(() -> ProblemException.notFound("change", id));
        if (before.authorization() != null && when.isBefore(before.authorization().at())) {
            throw ProblemException.invalid("change-time-invalid", when);
        }
        Change after = before.start(when);
        changes.update(after);
        events.publishEvent(new ChangeAction(after.emergencyStart() ? "change.emergency-start" : "change.start",
                Long.toString(id), audited(before, after)));
        return after;
    }

    @Transactional
    Change finish(long id, ChangeResult result, String notes, Instant at) {
        Instant when = recorded(at);
        Change finished = apply(id, "change.finish", c -> c.finish(result, notes, when));
        events.publishEvent(new ChangeCompleted(id, finished.plan().systemCode(),
                ChangeCompleted.Result.valueOf(finished.execution().result().name()), finished.execution().finishedAt(),
                finished.requested().by()));
        return finished;
    }

    @Transactional
    Change cancel(long id, String reason, String by) {
        Instant now = clock.instant();
        return apply(id, "change.cancel", c -> c.cancel(by, reason, now));
    }

    /** Execution may be recorded afterwards, but never in the future (a minute of clock skew allowed). */
    private Instant recorded(Instant at) {
        Instant now = clock.instant();
        if (at != null && at.isAfter(now.plusSeconds(60))) {
            throw ProblemException.invalid("change-time-invalid", at);
        }
        return at == null ? now : at;
    }

    private Change apply(long id, String action, UnaryOperator<Change> step) {
        Change before = changes.lock(id).orElseThrow(() -> ProblemException.notFound("change", id));
        Change after = step.apply(before);
        changes.update(after);
        events.publishEvent(new ChangeAction(action, Long.toString(id), audited(before, after)));
        return after;
    }

    /** Field by field as the API names them, so the trail reads like the change's JSON. */
    private static java.util.List<FieldChange> audited(Change before, Change after) {
        return FieldChange.between(ChangeView.of(before), ChangeView.of(after));
    }

    private String shown(Instant instant) {
        return SHOWN.format(instant.atZone(window.zone()));
    }
}
