package org.medops.alerting;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.medops.notify.Message;
import org.medops.notify.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Evaluates every enabled rule on a fixed delay. Opening and resolving go through the database's
 * one-open-alert index, so several nodes evaluating at once still raise and notify only once.
 */
@Component
class AlertEvaluator {

    private static final Logger log = LoggerFactory.getLogger(AlertEvaluator.class);

    private final AlertRules rules;
    private final Alerts alerts;
    private final Conditions conditions;
    private final Notifications notifications;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    AlertEvaluator(AlertRules rules, Alerts alerts, Conditions conditions, Notifications notifications,
                   ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock) {
        this.transactions = transactions;
        this.rules = rules;
        this.alerts = alerts;
        this.conditions = conditions;
        this.notifications = notifications;
        this.events = events;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${medops.alerting.interval:15s}", initialDelayString = "${medops.alerting.interval:15s}")
    void evaluateAll() {
        for (AlertRule rule : rules.enabled()) {
            try {
                evaluate(rule);
            } catch (RuntimeException e) {
                log.warn("Alert rule {} ({}) could not be evaluated: {}", rule.id(), rule.name(), e.toString());
            }
        }
    }

    /** One transaction per rule: an opened alert and its {@code AlertRaised} event are stored together. */
    void evaluate(AlertRule rule) {
        transactions.executeWithoutResult(status -> evaluateNow(rule));
    }

    private void evaluateNow(AlertRule rule) {
        Instant now = clock.instant();
        List<Conditions.Violation> violations = conditions.violations(rule);
        Set<String> violating = new HashSet<>();
        for (Conditions.Violation violation : violations) {
            violating.add(violation.subject());
            alerts.open(rule, violation.subject(), violation.message(), violation.value(), now).ifPresent(id -> {
                events.publishEvent(new AlertRaised(id, rule.name(), rule.kind().name(), violation.subject(),
                        rule.severity(), violation.message(), now));
                notify(rule, now, new Message("[" + rule.severity() + "] " + rule.name(), violation.message(),
                        rule.severity(), "alert:" + id));
            });
        }
        for (String subject : alerts.openSubjects(rule.id())) {
            if (!violating.contains(subject)) {
                alerts.resolve(rule.id(), subject, "system", now).ifPresent(id -> {
                    events.publishEvent(new AlertResolved(id, rule.name(), subject, "system", now));
                    notify(rule, now, new Message("[已恢复] " + rule.name(), subject + " 已恢复正常 (resolved)",
                            "INFO", "alert:" + id));
                });
            }
        }
    }

    private void notify(AlertRule rule, Instant now, Message message) {
        if (!rule.silencedAt(now)) {
            notifications.send(rule.targetIds(), message);
        }
    }
}
