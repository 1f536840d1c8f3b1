package org.medops.alerting;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.medops.notify.Notifications;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Rules and alerts as the API and the page show them: targets by name, alerts with their ticket. */
@Component
class AlertViews {

    private final AlertRules rules;
    private final Alerts alerts;
    private final Notifications notifications;
    private final ObjectProvider<AlertTicketLinks> tickets;

    AlertViews(AlertRules rules, Alerts alerts, Notifications notifications, ObjectProvider<AlertTicketLinks> tickets) {
        this.rules = rules;
        this.alerts = alerts;
        this.notifications = notifications;
        this.tickets = tickets;
    }

    List<Notifications.TargetSummary> targets() {
        return notifications.targets();
    }

    List<RuleView> rules() {
        Map<Long, Notifications.TargetSummary> targets = targetsById();
        return rules.all().stream().map(rule -> RuleView.of(rule, targets)).toList();
    }

    RuleView rule(long id) {
        return rules.find(id).map(rule -> RuleView.of(rule, targetsById()))
                .orElseThrow(() -> org.medops.shared.ProblemException.notFound("alert rule", id));
    }

    List<AlertView> alert(long id) {
        return withTickets(alerts.find(id).map(List::of)
                .orElseThrow(() -> org.medops.shared.ProblemException.notFound("alert", id)));
    }

    List<AlertView> withTickets(List<Alert> list) {
        AlertTicketLinks links = tickets.getIfAvailable();
        Map<Long, AlertTicketLinks.TicketRef> linked = links == null || list.isEmpty() ? Map.of()
                : links.ticketsOf(list.stream().map(Alert::id).toList());
        return list.stream().map(a -> AlertView.of(a, linked.get(a.id()))).toList();
    }

    private Map<Long, Notifications.TargetSummary> targetsById() {
        return notifications.targets().stream()
                .collect(Collectors.toMap(Notifications.TargetSummary::id, Function.identity()));
    }

    /** A rule as shown: no threshold for the kinds that watch a state; targets by name. */
    record RuleView(long id, String name, RuleKind kind, String subject, Double threshold, String unit,
                    int windowMinutes, int minCalls, AlertSeverity severity, boolean enabled, Instant silencedUntil,
                    List<TargetRef> targets, int forSeconds, int recoverySeconds, Double recoveryThreshold,
                    Integer maxAgeMinutes, java.time.LocalTime activeFrom, java.time.LocalTime activeTo,
                    List<Integer> activeDays) {

        static RuleView of(AlertRule rule, Map<Long, Notifications.TargetSummary> known) {
            boolean numeric = rule.kind().hasThreshold();
            return new RuleView(rule.id(), rule.name(), rule.kind(), rule.subject(), numeric ? rule.threshold() : null,
                    rule.kind().unit(), rule.windowMinutes(), rule.minCalls(), rule.severity(), rule.enabled(),
                    rule.silencedUntil(), rule.targetIds().stream()
                    .map(id -> new TargetRef(id, known.containsKey(id) ? known.get(id).name() : null)).toList(),
                    (int) rule.hysteresis().forDuration().toSeconds(),
                    (int) rule.hysteresis().recoverAfter().toSeconds(),
                    numeric ? rule.hysteresis().recoveryThreshold() : null, rule.maxAgeMinutes(),
                    rule.activeHours() == null ? null : rule.activeHours().from(),
                    rule.activeHours() == null ? null : rule.activeHours().to(),
                    rule.activeHours() == null ? List.of() : rule.activeHours().days());
        }

        /**
         * The arguments of {@code alerts.watch.<kind>}: threshold, window minutes, minimum calls, the queue's
         * longest wait in minutes ("—" without), the active hours ("" without; days as 1 … 7).
         */
        public List<Object> watchArgs() {
            String hours = activeFrom == null ? "" : activeFrom + "–" + activeTo
                    + (activeDays.isEmpty() ? "" : " (" + activeDays.stream().map(String::valueOf)
                    .collect(Collectors.joining(",")) + ")");
            return java.util.Arrays.asList(threshold, windowMinutes, minCalls,
                    maxAgeMinutes == null ? "—" : maxAgeMinutes, hours);
        }

        public List<Long> targetIds() {
            return targets.stream().map(TargetRef::id).toList();
        }
    }

    /** @param name null when the target was removed since */
    record TargetRef(long id, String name) {
    }

    record AlertView(long id, long ruleId, String ruleName, RuleKind kind, String subject, AlertSeverity severity,
                     String status, String message, List<String> messageArgs, Double value, Instant raisedAt,
                     Instant acknowledgedAt, String acknowledgedBy, Instant resolvedAt, String resolvedBy,
                     Long ticketId, String ticketNumber) {

        static AlertView of(Alert a, AlertTicketLinks.TicketRef ticket) {
            return new AlertView(a.id(), a.ruleId(), a.ruleName(), a.kind(), a.subject(), a.severity(), a.status(),
                    a.message(), a.messageArgs(), a.value(), a.raisedAt(), a.acknowledgedAt(), a.acknowledgedBy(),
                    a.resolvedAt(), a.resolvedBy(), ticket == null ? null : ticket.id(),
                    ticket == null ? null : ticket.number());
        }
    }
}
