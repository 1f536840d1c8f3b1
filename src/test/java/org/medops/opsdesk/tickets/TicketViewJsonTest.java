package org.medops.opsdesk.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.junit.jupiter.api.Test;
import org.medops.opsdesk.Priority;
import org.medops.opsdesk.sla.ClockBasis;
import org.medops.opsdesk.sla.TargetKind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The API's ticket JSON is a contract: composing the view of value objects must not change a field name. */
class TicketViewJsonTest {

    /** Every field path of a fully filled ticket, as the API answered before the view was composed. */
    private static final Set<String> CONTRACT = new TreeSet<>(List.of("id", "number", "title", "phenomenon",
            "occurredAt", "impactScope", "systems", "category", "steps", "reporter", "contact", "source", "priority",
            "policyVersion", "policyName", "status", "cycle", "assignee", "workMode", "arrivedAt", "location",
            "location.rootCause", "location.impact", "location.fixPriority", "location.risk", "locatedAt", "locatedBy",
            "fixSummary", "fixedAt", "fixedBy", "confirmation", "confirmation.username", "confirmation.name",
            "confirmation.statement", "confirmation.at", "reportedAt", "closedAt", "recurrenceOf",
            "recurrenceConfirmedBy", "recurrenceConfirmedAt", "alertId", "calendarWarning", "clocks", "clocks[].cycle",
            "clocks[].kind", "clocks[].basis", "clocks[].targetMinutes", "clocks[].startedAt", "clocks[].dueAt",
            "clocks[].elapsedMinutes", "clocks[].pausedMinutes", "clocks[].percentUsed", "clocks[].state",
            "clocks[].stoppedAt", "clocks[].breachedAt", "timeline", "timeline[].at",
            "timeline[].actor", "timeline[].kind", "timeline[].detail", "attachments", "attachments[].id",
            "attachments[].filename", "attachments[].contentType", "attachments[].sizeBytes", "attachments[].uploadedAt",
            "attachments[].uploadedBy", "earlierCycles", "earlierCycles[].cycle", "earlierCycles[].location",
            "earlierCycles[].location.rootCause", "earlierCycles[].location.impact", "earlierCycles[].location.fixPriority",
            "earlierCycles[].location.risk", "earlierCycles[].locatedAt", "earlierCycles[].locatedBy",
            "earlierCycles[].fixSummary", "earlierCycles[].fixedAt", "earlierCycles[].fixedBy",
            "earlierCycles[].confirmation", "earlierCycles[].confirmation.username", "earlierCycles[].confirmation.name",
            "earlierCycles[].confirmation.statement", "earlierCycles[].confirmation.at", "earlierCycles[].closedAt"));

    private final JsonMapper json = JsonMapper.builder()
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    @Test
    void aFullyFilledTicketAnswersTheSameFieldsAsBefore() {
        JsonNode node = json.valueToTree(FullTicket.view());
        Set<String> paths = new TreeSet<>();
        collect(node, "", paths);
        assertThat(paths).isEqualTo(CONTRACT);
    }

    @Test
    void anEmptyCycleLeavesItsFieldsOut() {
        JsonNode node = json.valueToTree(FullTicket.reopened());
        assertThat(node.get("cycle").asInt()).isEqualTo(2);
        assertThat(node.has("fixSummary")).isFalse();
        assertThat(node.has("workMode")).isFalse();
        assertThat(node.get("earlierCycles").get(0).get("cycle").asInt()).isEqualTo(1);
        assertThat(node.get("earlierCycles").get(0).get("fixSummary").asString()).isEqualTo("重启服务");
    }

    private static void collect(JsonNode node, String prefix, Set<String> paths) {
        if (node.isObject()) {
            for (var field : node.properties()) {
                String path = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
                paths.add(path);
                collect(field.getValue(), path, paths);
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                collect(element, prefix + "[]", paths);
            }
        }
    }

    /** A ticket with every field set: on-site, located, fixed, confirmed, a recurrence, from an alert, one earlier cycle. */
    static final class FullTicket {

        static final Instant AT = Instant.parse("2026-11-23T01:00:00Z");

        static final LocationReport LOCATION = new LocationReport("接口超时", "门诊收费", "HIGH", "低");
        static final Ticket.Confirmation SIGNED = new Ticket.Confirmation("owner", "王强", "已恢复", AT.plusSeconds(9000));

        static TicketView view() {
            Ticket.Cycle worked = Ticket.Cycle.first(AT).worked(WorkMode.ONSITE).arrived(AT)
                    .located(LOCATION, AT, "eng").fixed("更换网线", AT, "eng").closed(SIGNED);
            return view(TicketStatus.CLOSED, worked);
        }

        static TicketView reopened() {
            return view(TicketStatus.NEW, Ticket.Cycle.first(AT).fixed("重启服务", AT, "eng").closed(SIGNED).next(AT));
        }

        private static TicketView view(TicketStatus status, Ticket.Cycle current) {
            Ticket.Cycle earlier = Ticket.Cycle.first(AT).worked(WorkMode.ONSITE).arrived(AT).located(LOCATION, AT, "eng")
                    .fixed("重启服务", AT, "eng").closed(SIGNED);
            var report = new FaultReport("发票打印失败", "提示超时", AT.atOffset(ZoneOffset.UTC), "门诊", List.of("HIS"),
                    FaultCategory.SOFTWARE, "1. 结算", "刘芳", "8123", ReportSource.PHONE, Priority.HIGH);
            var clock = new TicketView.ClockView(current.number(), TargetKind.RESPONSE, ClockBasis.BUSINESS, 30, AT, AT,
                    10, 0, 33, SlaClock.State.MET, AT, AT);
            var entry = new TimelineEntry(AT, "nurse", "REPORTED", "PHONE");
            var attachment = new TicketView.AttachmentInfo(5, "a.png", "image/png", 10, AT, "nurse");
            return new TicketView(7, "GD-2026-000007", report.shownIn(ZoneOffset.ofHours(8)), 1, "二级", status, "eng",
                    current, AT, "GD-2026-000001", "eng", AT, 3L, "[2027]", List.of(clock), List.of(entry),
                    List.of(attachment), List.of(earlier));
        }
    }
}
