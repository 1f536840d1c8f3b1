package org.medops.alerting;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.medops.notify.Message;
import org.medops.notify.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Evaluates every enabled rule on a fixed delay, through each rule and subject's persisted
 * {@link ConditionState} (for-duration before firing, recovery before resolving). Opening and resolving go
 * through the database's one-open-alert index, so several nodes evaluating at once still raise and notify once.
 */
@Component
class AlertEvaluator {

    private static final Logger log = LoggerFactory.getLogger(AlertEvaluator.class);

    private final AlertRules rules;
    private final Alerts alerts;
    private final AlertConditions states;
    private final Conditions conditions;
    private final Notifications notifications;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    AlertEvaluator(AlertRules rules, Alerts alerts, AlertConditions states, Conditions conditions,
                   Notifications notifications, MessageSource messages, ApplicationEventPublisher events,
                   TransactionTemplate transactions, Clock clock) {
        this.rules = rules;
        this.alerts = alerts;
        this.states = states;
        this.conditions = conditions;
        this.notifications = notifications;
        this.messages = messages;
        this.events = events;
        this.transactions = transactions;
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
        // Over the lower (recovery) line keeps an open alert open; over the firing line counts towards opening.
        Map<String, Conditions.Violation> holding = conditions.violations(rule, rule.holdThreshold()).stream()
                .collect(Collectors.toMap(Conditions.Violation::subject, Function.identity(), (a, b) -> a));
        Set<String> open = Set.copyOf(alerts.openSubjects(rule.id()));
        Map<String, ConditionState> known = states.of(rule.id());
        Set<String> subjects = new LinkedHashSet<>(holding.keySet());
        subjects.addAll(open);
        subjects.addAll(known.keySet());
        for (String subject : subjects) {
            Conditions.Violation violation = holding.get(subject);
            boolean firing = violation != null && (violation.breach() || rule.fires(violation.value()));
            ConditionState.Step step = known.getOrDefault(subject, ConditionState.NONE)
                    .evaluate(firing, violation != null, open.contains(subject), now, rule.hysteresis());
            states.save(rule.id(), subject, step.next());
            switch (step.decision()) {
                case OPEN -> raise(rule, violation, now);
                case RESOLVE -> resolve(rule, subject, now);
                case NONE -> { }
            }
        }
    }

    private void raise(AlertRule rule, Conditions.Violation violation, Instant now) {
        alerts.open(rule, violation, now).ifPresent(id -> {
            events.publishEvent(new AlertRaised(id, rule.id(), rule.name(), rule.kind(), violation.subject(),
                    rule.severity(), violation.message(), now));
            String severity = text("alerts.severity." + rule.severity().name());
            notify(rule, now, new Message("[" + severity + "] " + rule.name(), violation.message(),
                    rule.severity().name(), "alert:" + id));
        });
    }

    private void resolve(AlertRule rule, String subject, Instant now) {
        alerts.resolve(rule.id(), subject, "system", now).ifPresent(id -> {
            events.publishEvent(new AlertResolved(id, rule.id(), rule.name(), subject, "system", now));
            notify(rule, now, new Message(text("alerts.notify.resolvedTitle", rule.name()),
                    text("alerts.notify.resolvedBody", subject), "INFO", "alert:" + id));
        });
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
    }

    private void notify(AlertRule rule, Instant now, Message message) {
        if (!rule.silencedAt(now)) {
            notifications.send(rule.targetIds(), message);
        }
    }
}
