package org.medops.integration.critical;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.medops.notify.Message;
import org.medops.notify.Notifications;
import org.medops.settings.Settings;
import org.medops.shared.FieldChange;
import org.medops.shared.InAppNotice;
import org.medops.shared.ProblemException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The loop's steps: records what a message's critical results are (once per result), notifies the ordering
 * department's clinicians and ward (its notify target, and in-app to the ordering clinician's account), and moves a
 * record through acknowledge → handle → close; every step is on the record's timeline and in the audit trail.
 */
@Service
class CriticalLoop {

    /** The department row of the medical affairs office (医务科): its head target gets the second escalation; its other settings are the default of a department without a row of its own. */
    static final String OFFICE = "医务科";
    static final int HEAD = 1;
    static final int MEDICAL_AFFAIRS = 2;

    private final CriticalValues values;
    private final Notifications notifications;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final TransactionTemplate transactions;
    private final Settings settings;
    private final Clock clock;
    private final List<String> flags;
    private final int defaultMinutes;
    private final int defaultHandleMinutes;

    CriticalLoop(CriticalValues values, Notifications notifications, ApplicationEventPublisher events,
                 MessageSource messages, TransactionTemplate transactions, Settings settings, Clock clock,
                 @Value("${medops.integration.critical.flags:HH,LL,AA}") List<String> flags,
                 @Value("${medops.integration.critical.ack-minutes:10}") int defaultMinutes,
                 @Value("${medops.integration.critical.handle-minutes:30}") int defaultHandleMinutes) {
        this.values = values;
        this.notifications = notifications;
        this.events = events;
        this.messages = messages;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
        this.flags = flags;
        this.defaultMinutes = defaultMinutes;
        this.defaultHandleMinutes = defaultHandleMinutes;
    }

    Detection detection() {
        Map<String, Detection.Rule> rules = values.rules().stream()
                .collect(Collectors.toMap(Detection.Rule::itemCode, Function.identity()));
        return new Detection(new java.util.HashSet<>(flags), rules, settings.current().zone());
    }

    int defaultMinutes() {
        return defaultMinutes;
    }

    int defaultHandleMinutes() {
        return defaultHandleMinutes;
    }

    /** Records the message's critical results and notifies each new one; returns how many were new. */
    int take(long messageId, String channel, String raw) {
        List<Finding> findings = detection().findings(raw);
        CriticalValues.Origin origin = findings.isEmpty() ? CriticalValues.Origin.NONE : origin(raw);
        List<CriticalValue> recorded = new ArrayList<>();
        transactions.executeWithoutResult(status -> {
            Instant now = clock.instant();
            for (Finding f : findings) {
                int minutes = minutes(f.orderer().department(), f.orderer().ward());
                values.insert(messageId, channel, f, origin, now, now.plus(Duration.ofMinutes(minutes))).ifPresent(id -> {
                    values.event(id, "REPORTED", now, null, (f.item().name() == null ? f.item().code() : f.item().name()) + " "
                            + f.value() + (f.unit() == null ? "" : " " + f.unit()) + " " + f.flag());
                    events.publishEvent(new CriticalAction("integration.critical.report", String.valueOf(id),
                            List.of(FieldChange.set("message", messageId), FieldChange.set("item", f.item().code()),
                                    FieldChange.set("flag", f.flag())), "integration-engine"));
                    recorded.add(values.find(id).orElseThrow());
                });
            }
        });
        recorded.forEach(this::deliver);
        return recorded.size();
    }

    /** MSH-10 and the order numbers (ORC-2/OBR-2, ORC-3/OBR-3) of an HL7 result; nothing of a JSON message. */
    private static CriticalValues.Origin origin(String raw) {
        if (raw == null || !raw.stripLeading().startsWith("MSH")) {
            return CriticalValues.Origin.NONE;
        }
        try {
            org.medops.integration.hl7.Hl7Message m = org.medops.integration.hl7.Hl7Message.parse(raw);
            return new CriticalValues.Origin(m.controlId(),
                    m.value("ORC-2.1").or(() -> m.value("OBR-2.1")).orElse(null),
                    m.value("ORC-3.1").or(() -> m.value("OBR-3.1")).orElse(null));
        } catch (org.medops.integration.hl7.Hl7Rejected e) {
            return CriticalValues.Origin.NONE;
        }
    }

    /** Notifies the ordering department's target and the clinician in-app; delivered once handed over. */
    private void deliver(CriticalValue v) {
        Optional<CriticalValues.Department> contacts = contacts(v);
        List<String> to = new ArrayList<>();
        contacts.map(CriticalValues.Department::clinicianTarget).flatMap(this::target).ifPresent(target -> {
            notifications.send(List.of(target.id()), notice(v, "notice"));
            to.add(target.name());
        });
        transactions.executeWithoutResult(status -> {
            Instant now = clock.instant();
            if (v.clinicianId() != null) {
                events.publishEvent(new InAppNotice(v.clinicianId(), text("critical.notice.title", v),
                        text("critical.notice.text", v), "/integration/critical-values/" + v.id()));
                to.add(v.clinicianId());
            }
            if (!to.isEmpty()) {
                values.delivered(v.id(), now);
                values.event(v.id(), "DELIVERED", now, null, String.join(", ", to));
            } else {
                values.event(v.id(), "UNDELIVERED", now, null, v.orderingDepartment());
            }
        });
    }

    CriticalValue acknowledge(long id, String by) {
        return step(id, by, "ACKNOWLEDGED", null, v -> {
            CriticalValue.Status from = v.acknowledge();
            Instant now = clock.instant();
            return values.acknowledge(id, from, by, now,
                    now.plus(Duration.ofMinutes(handleMinutes(v.orderingDepartment(), v.ward()))));
        });
    }

    CriticalValue handle(long id, String by, String action, String note) {
        if (action == null || action.isBlank() || action.length() > 200 || (note != null && note.length() > 2000)) {
            throw ProblemException.invalid("critical-value-action-invalid");
        }
        return step(id, by, "HANDLED", action + (note == null || note.isBlank() ? "" : " · " + note), v -> {
            v.handle();
            return values.handle(id, by, action.strip(), note == null ? null : note.strip(), clock.instant());
        });
    }

    CriticalValue close(long id, String by) {
        return step(id, by, "CLOSED", null, v -> {
            v.close();
            return values.close(id, by, clock.instant());
        });
    }

    private CriticalValue step(long id, String by, String kind, String detail,
                               java.util.function.Predicate<CriticalValue> move) {
        return transactions.execute(status -> {
            CriticalValue v = values.find(id).orElseThrow(() -> ProblemException.notFound("critical-value", id));
            if (!move.test(v)) {
                // Another person moved it between our read and our update.
                throw ProblemException.conflict("critical-value-moved", id);
            }
            Instant now = clock.instant();
            values.event(id, kind, now, by, detail);
            events.publishEvent(new CriticalAction("integration.critical." + kind.toLowerCase(Locale.ROOT),
                    String.valueOf(id), detail == null ? List.of() : List.of(FieldChange.set("handling", detail)), null));
            CriticalValue moved = values.find(id).orElseThrow();
            if (!"CLOSED".equals(kind)) {
                toHis(moved, kind, now);
            }
            return moved;
        });
    }

    /**
     * Queues the step's message to HIS in the step's transaction when a channel to HIS is set; the relay hands it to
     * that channel, whose queue delivers it.
     */
    private void toHis(CriticalValue v, String stage, Instant now) {
        values.his().filter(h -> h.channel() != null && !h.channel().isBlank()).ifPresent(his -> {
            values.queue(v.id(), stage, his.channel(), HisMessage.of(v, stage, his.messageType(), now,
                    settings.current().zone()), now);
            values.event(v.id(), "HIS_" + stage, now, null, his.channel());
        });
    }

    /** Escalates what is due (unacknowledged, then acknowledged but unhandled), one level at a time per record. */
    List<CriticalValue> escalate() {
        List<CriticalValue> all = new ArrayList<>(escalateUnacknowledged());
        all.addAll(escalateUnhandled());
        return all;
    }

    /** Acknowledged but not handled in the department's handle minutes: the head, then 医务科, each once. */
    private List<CriticalValue> escalateUnhandled() {
        List<CriticalValue> escalated = transactions.execute(status -> {
            Instant now = clock.instant();
            List<CriticalValue> claimed = values.claimHandleEscalations(now, MEDICAL_AFFAIRS, defaultHandleMinutes);
            for (CriticalValue v : claimed) {
                String kind = v.handleEscalationLevel() == HEAD ? "UNHANDLED_HEAD" : "UNHANDLED_OFFICE";
                String target = escalationTarget(v.handleEscalationLevel(), v).map(Notifications.TargetSummary::name)
                        .orElse(null);
                values.event(v.id(), kind, now, null, target);
                events.publishEvent(new CriticalAction("integration.critical.escalate", String.valueOf(v.id()),
                        List.of(FieldChange.set("stage", "HANDLE"), FieldChange.set("level", v.handleEscalationLevel()),
                                FieldChange.set("target", target)), "integration-engine"));
            }
            return claimed;
        });
        for (CriticalValue v : escalated) {
            String key = v.handleEscalationLevel() == HEAD ? "unhandledHead" : "unhandledOffice";
            escalationTarget(v.handleEscalationLevel(), v).ifPresent(t -> notifications.send(List.of(t.id()), notice(v, key)));
        }
        return escalated;
    }

    private List<CriticalValue> escalateUnacknowledged() {
        List<CriticalValue> escalated = transactions.execute(status -> {
            Instant now = clock.instant();
            List<CriticalValue> claimed = values.claimEscalations(now, MEDICAL_AFFAIRS, defaultMinutes);
            for (CriticalValue v : claimed) {
                String kind = v.escalationLevel() == HEAD ? "ESCALATED_HEAD" : "ESCALATED_OFFICE";
                String target = escalationTarget(v).map(Notifications.TargetSummary::name).orElse(null);
                values.event(v.id(), kind, now, null, target);
                events.publishEvent(new CriticalAction("integration.critical.escalate", String.valueOf(v.id()),
                        List.of(FieldChange.set("level", v.escalationLevel()), FieldChange.set("target", target)),
                        "integration-engine"));
            }
            return claimed;
        });
        for (CriticalValue v : escalated) {
            String key = v.escalationLevel() == HEAD ? "escalateHead" : "escalateOffice";
            escalationTarget(v).ifPresent(t -> notifications.send(List.of(t.id()), notice(v, key)));
        }
        return escalated;
    }

    private Optional<Notifications.TargetSummary> escalationTarget(CriticalValue v) {
        return escalationTarget(v.escalationLevel(), v);
    }

    private Optional<Notifications.TargetSummary> escalationTarget(int level, CriticalValue v) {
        Optional<String> name = level == HEAD
                ? contacts(v).map(CriticalValues.Department::headTarget)
                : values.department(OFFICE, null).map(CriticalValues.Department::headTarget);
        return name.flatMap(this::target);
    }

    private Optional<CriticalValues.Department> contacts(CriticalValue v) {
        return values.department(v.orderingDepartment(), v.ward()).or(() -> values.department(OFFICE, null));
    }

    private int minutes(String department, String ward) {
        return values.department(department, ward).or(() -> values.department(OFFICE, null))
                .map(CriticalValues.Department::ackMinutes).orElse(defaultMinutes);
    }

    private int handleMinutes(String department, String ward) {
        return values.department(department, ward).map(CriticalValues.Department::handleMinutes)
                .or(() -> values.department(OFFICE, null).map(CriticalValues.Department::handleMinutes))
                .orElse(defaultHandleMinutes);
    }

    private Optional<Notifications.TargetSummary> target(String nameOrId) {
        if (nameOrId == null || nameOrId.isBlank()) {
            return Optional.empty();
        }
        return notifications.targets().stream().filter(Notifications.TargetSummary::enabled)
                .filter(t -> t.name().equals(nameOrId) || String.valueOf(t.id()).equals(nameOrId)).findFirst();
    }

    /** The notices name the patient masked: a robot's group is no place for a whole name. */
    private Message notice(CriticalValue v, String key) {
        return new Message(text("critical." + key + ".title", v), text("critical." + key + ".text", v), "critical",
                "critical-value:" + v.id());
    }

    private String text(String key, CriticalValue v) {
        Object[] args = {CriticalValue.mask(v.patientName()), CriticalValue.mask(v.patientId()),
                v.itemName() == null ? v.itemCode() : v.itemName(), v.resultValue(), v.unit() == null ? "" : v.unit(),
                v.flag(), v.ward() == null ? "" : v.ward(), v.orderingDepartment() == null ? "" : v.orderingDepartment(),
                v.id()};
        return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
    }

    void saveRule(String itemCode, String itemName, java.math.BigDecimal low, java.math.BigDecimal high) {
        if (itemCode == null || !itemCode.matches("[A-Za-z0-9._-]{1,64}") || (low == null && high == null)) {
            throw ProblemException.invalid("critical-rule-invalid");
        }
        transactions.executeWithoutResult(status -> {
            values.saveRule(itemCode, itemName, low, high, clock.instant());
            events.publishEvent(new CriticalAction("integration.critical.rule", itemCode,
                    List.of(FieldChange.set("low", low), FieldChange.set("high", high)), null));
        });
    }

    void saveDepartment(CriticalValues.Department d) {
        if (d.department() == null || d.department().isBlank() || d.department().length() > 100
                || d.ackMinutes() < 1 || d.ackMinutes() > 1440
                || d.handleMinutes() != null && (d.handleMinutes() < 1 || d.handleMinutes() > 10080)) {
            throw ProblemException.invalid("critical-department-invalid");
        }
        for (String t : new String[] {d.clinicianTarget(), d.headTarget()}) {
            if (t != null && !t.isBlank() && target(t).isEmpty()) {
                throw ProblemException.invalid("critical-department-target", t);
            }
        }
        transactions.executeWithoutResult(status -> {
            values.saveDepartment(d, clock.instant());
            events.publishEvent(new CriticalAction("integration.critical.department", d.department(),
                    List.of(FieldChange.set("clinicianTarget", d.clinicianTarget()),
                            FieldChange.set("headTarget", d.headTarget()), FieldChange.set("ackMinutes", d.ackMinutes()),
                            FieldChange.set("handleMinutes", d.handleMinutes())),
                    null));
        });
    }

    void deleteDepartment(String department) {
        transactions.executeWithoutResult(status -> {
            if (!values.deleteDepartment(department)) {
                throw ProblemException.notFound("critical-department", department);
            }
            events.publishEvent(new CriticalAction("integration.critical.department.delete", department, List.of(), null));
        });
    }

    void deleteRule(String itemCode) {
        transactions.executeWithoutResult(status -> {
            if (!values.deleteRule(itemCode)) {
                throw ProblemException.notFound("critical-rule", itemCode);
            }
            events.publishEvent(new CriticalAction("integration.critical.rule.delete", itemCode, List.of(), null));
        });
    }

    /** Sets (or, with a blank channel, stops) the messages back to HIS; the channel must exist. */
    void saveHis(String channel, String messageType, boolean channelExists, String by) {
        String code = channel == null || channel.isBlank() ? null : channel.strip();
        String type = messageType == null || messageType.isBlank() ? HisMessage.DEFAULT_TYPE : messageType.strip();
        if (!HisMessage.TYPE.matcher(type).matches()) {
            throw ProblemException.invalid("critical-his-type", type);
        }
        if (code != null && !channelExists) {
            throw ProblemException.invalid("critical-his-channel", code);
        }
        transactions.executeWithoutResult(status -> {
            CriticalValues.His before = values.his().orElse(null);
            values.saveHis(code, type, clock.instant(), by);
            events.publishEvent(new CriticalAction("integration.critical.his", "his", List.of(
                    FieldChange.of("hisChannel", before == null ? null : before.channel(), code),
                    FieldChange.of("hisMessageType", before == null ? null : before.messageType(), type)), null));
        });
    }
}
