package org.medops.alerting;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.medops.shared.FieldChange;
import org.medops.shared.ProblemException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What people do with rules and alerts; each step audited. */
@Service
class AlertDesk {

    private final AlertRules rules;
    private final Alerts alerts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AlertDesk(AlertRules rules, Alerts alerts, ApplicationEventPublisher events, Clock clock) {
        this.rules = rules;
        this.alerts = alerts;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    AlertRule createRule(NewRule request) {
        long id = rules.insert(request.toRule());
        AlertRule rule = rules.find(id).orElseThrow();
        events.publishEvent(new AlertAction("alert.rule.create", "alert-rule", Long.toString(id),
                FieldChange.between(null, request)));
        return rule;
    }

    @Transactional
    void silence(long ruleId, Instant until) {
        rules.find(ruleId).orElseThrow(() -> ProblemException.notFound("alert rule", ruleId));
        rules.silence(ruleId, until);
        events.publishEvent(new AlertAction("alert.rule.silence", "alert-rule", Long.toString(ruleId),
                List.of(FieldChange.set("silencedUntil", until))));
    }

    @Transactional
    void acknowledge(long id, String by) {
        alerts.find(id).orElseThrow(() -> ProblemException.notFound("alert", id));
        if (!alerts.acknowledge(id, by, clock.instant())) {
            throw ProblemException.conflict("alert-not-open", id);
        }
        events.publishEvent(new AlertAction("alert.acknowledge", "alert", Long.toString(id), List.of()));
    }

    @Transactional
    void resolve(long id, String by) {
        Alert alert = alerts.find(id).orElseThrow(() -> ProblemException.notFound("alert", id));
        if (!alerts.resolveById(id, by, clock.instant())) {
            throw ProblemException.conflict("alert-resolved", id);
        }
        events.publishEvent(new AlertAction("alert.resolve", "alert", Long.toString(id), List.of()));
        events.publishEvent(new AlertResolved(id, alert.ruleName(), alert.subject(), by, clock.instant()));
    }
}
