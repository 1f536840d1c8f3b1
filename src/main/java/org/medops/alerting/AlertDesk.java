package org.medops.alerting;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.medops.notify.Notifications;
import org.medops.shared.FieldChange;
import org.medops.shared.ProblemException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What people do with rules and alerts; each step audited with the fields it changed. */
@Service
class AlertDesk {

    private final AlertRules rules;
    private final Alerts alerts;
    private final AlertConditions states;
    private final Notifications notifications;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AlertDesk(AlertRules rules, Alerts alerts, AlertConditions states, Notifications notifications,
              ApplicationEventPublisher events, Clock clock) {
        this.rules = rules;
        this.alerts = alerts;
        this.states = states;
        this.notifications = notifications;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    AlertRule createRule(NewRule request) {
        requireKnownTargets(request.targetIds());
        long id = rules.insert(request.toRule(0, true));
        AlertRule rule = rules.find(id).orElseThrow();
        events.publishEvent(new AlertAction("alert.rule.create", "alert-rule", Long.toString(id),
                FieldChange.between(null, request)));
        return rule;
    }

    /** Replaces what a rule watches; a changed condition starts its for-duration and recovery afresh. */
    @Transactional
    AlertRule updateRule(long id, NewRule request) {
        AlertRule before = rule(id);
        requireKnownTargets(request.targetIds());
        NewRule previous = NewRule.of(before);
        List<FieldChange> changes = FieldChange.between(previous, request);
        if (changes.isEmpty()) {
            return before;
        }
        rules.update(request.toRule(id, before.enabled()));
        states.forget(id);
        events.publishEvent(new AlertAction("alert.rule.update", "alert-rule", Long.toString(id), changes));
        return rules.find(id).orElseThrow();
    }

    /** A disabled rule is no longer evaluated; its open alerts stay until resolved by a person or re-enabled. */
    @Transactional
    void enable(long id, boolean enabled) {
        AlertRule rule = rule(id);
        if (rule.enabled() == enabled) {
            return;
        }
        rules.enable(id, enabled);
        states.forget(id);
        events.publishEvent(new AlertAction(enabled ? "alert.rule.enable" : "alert.rule.disable", "alert-rule",
                Long.toString(id), List.of(FieldChange.of("enabled", rule.enabled(), enabled))));
    }

    /** Deleting keeps the rule's history (its alerts and their tickets); its open alerts are resolved. */
    @Transactional
    void delete(long id, String by) {
        AlertRule rule = rule(id);
        Instant now = clock.instant();
        for (String subject : alerts.openSubjects(id)) {
            alerts.resolve(id, subject, by, now).ifPresent(alertId ->
                    events.publishEvent(new AlertResolved(alertId, id, rule.name(), subject, by, now)));
        }
        rules.delete(id, now);
        states.forget(id);
        events.publishEvent(new AlertAction("alert.rule.delete", "alert-rule", Long.toString(id),
                List.of(FieldChange.of("name", rule.name(), null), FieldChange.of("deleted", false, true))));
    }

    @Transactional
    void silence(long ruleId, Instant until) {
        AlertRule rule = rule(ruleId);
        rules.silence(ruleId, until);
        events.publishEvent(new AlertAction("alert.rule.silence", "alert-rule", Long.toString(ruleId),
                List.of(FieldChange.of("silencedUntil", rule.silencedUntil(), until))));
    }

    @Transactional
    void acknowledge(long id, String by) {
        alerts.find(id).orElseThrow(() -> ProblemException.notFound("alert", id));
        if (!alerts.acknowledge(id, by, clock.instant())) {
            throw ProblemException.conflict("alert-not-open", id);
        }
        events.publishEvent(new AlertAction("alert.acknowledge", "alert", Long.toString(id),
                List.of(FieldChange.of("status", "OPEN", "ACKNOWLEDGED"))));
    }

    @Transactional
    void resolve(long id, String by) {
        Alert alert = alerts.find(id).orElseThrow(() -> ProblemException.notFound("alert", id));
        if (!alerts.resolveById(id, by, clock.instant())) {
            throw ProblemException.conflict("alert-resolved", id);
        }
        events.publishEvent(new AlertAction("alert.resolve", "alert", Long.toString(id),
                List.of(FieldChange.of("status", alert.status(), "RESOLVED"))));
        events.publishEvent(new AlertResolved(id, alert.ruleId(), alert.ruleName(), alert.subject(), by,
                clock.instant()));
    }

    private AlertRule rule(long id) {
        return rules.find(id).orElseThrow(() -> ProblemException.notFound("alert rule", id));
    }

    /** Targets are chosen from the configured ones; an id nobody configured is refused, not silently dropped. */
    private void requireKnownTargets(List<Long> targetIds) {
        Set<Long> known = notifications.targets().stream().map(Notifications.TargetSummary::id)
                .collect(Collectors.toSet());
        List<Long> unknown = targetIds.stream().filter(id -> !known.contains(id)).toList();
        if (!unknown.isEmpty()) {
            throw ProblemException.invalid("alert-target-unknown",
                    unknown.stream().map(String::valueOf).collect(Collectors.joining(", ")));
        }
    }
}
