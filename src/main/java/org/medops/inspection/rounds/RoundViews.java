package org.medops.inspection.rounds;

import org.medops.inspection.CheckTicketLinks;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.medops.settings.Settings;
import org.medops.shared.ListExport;
import org.medops.shared.ListPage;
import org.medops.shared.ListRequest;
import org.medops.shared.ProblemException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Rounds as the API and the pages show them: the list with counts, one round with its items and tickets. */
@Component
class RoundViews {

    private final Rounds rounds;
    private final RoundReader reader;
    private final ObjectProvider<CheckTicketLinks> tickets;
    private final ListExport export;
    private final Settings settings;

    RoundViews(Rounds rounds, RoundReader reader, ObjectProvider<CheckTicketLinks> tickets, ListExport export,
               Settings settings) {
        this.rounds = rounds;
        this.reader = reader;
        this.tickets = tickets;
        this.export = export;
        this.settings = settings;
    }

    record RoundView(long id, Template template, RoundStatus status, RoundTrigger trigger, String startedBy,
                     Instant startedAt, Instant finishedAt, Counts counts, List<ItemView> items) {

        /** The items by target, in target order, for the page. */
        public Map<String, List<ItemView>> byTarget() {
            Map<String, List<ItemView>> groups = new LinkedHashMap<>();
            items.forEach(item -> groups.computeIfAbsent(item.target(), t -> new java.util.ArrayList<>()).add(item));
            return groups;
        }
    }

    record Counts(long pass, long warn, long fail, long error) {
    }

    /** One result; {@code ticket} the number of the ops-desk ticket a failing check opened or joined. */
    record ItemView(String target, String targetName, String check, ItemResult result, String value, String threshold,
                    String evidence, Instant checkedAt, Long ticketId, String ticket) {
    }

    RoundView round(long id) {
        RoundSheet sheet = reader.find(id).orElseThrow(() -> ProblemException.notFound("inspection-round", id));
        CheckTicketLinks links = tickets.getIfAvailable();
        Map<String, CheckTicketLinks.TicketRef> linked = links == null ? Map.of() : links.ticketsOf(id);
        List<ItemView> items = sheet.items().stream().map(i -> {
            CheckTicketLinks.TicketRef ref = linked.get(i.targetCode() + "/" + i.checkCode());
            return new ItemView(i.targetCode(), i.targetName(), i.checkCode(), i.result(), i.value(), i.threshold(),
                    i.evidence(), i.checkedAt(), ref == null ? null : ref.id(), ref == null ? null : ref.number());
        }).toList();
        return new RoundView(sheet.id(), sheet.template(), sheet.status(), sheet.trigger(), sheet.startedBy(),
                sheet.startedAt(), sheet.finishedAt(), new Counts(sheet.count(ItemResult.PASS),
                sheet.count(ItemResult.WARN), sheet.count(ItemResult.FAIL), sheet.count(ItemResult.ERROR)), items);
    }

    ListPage<Rounds.Row> page(RoundQuery query, HttpServletRequest http) {
        return ListPage.of(rounds, query.filter(), query.request(), http);
    }

    ListPage<Rounds.Row> empty(HttpServletRequest http) {
        return ListPage.empty(Rounds.SORT, http);
    }

    void export(RoundQuery query, String format, Locale locale, HttpServletRequest http, HttpServletResponse response)
            throws IOException {
        export.export("inspection-rounds", List.of(
                        ListExport.Column.of("inspection.round.id", Rounds.Row::id),
                        ListExport.Column.label("inspection.round.template", r -> "inspection.template."
                                + (r.template() == null ? "ALL" : r.template().name())),
                        ListExport.Column.label("inspection.round.status", r -> "inspection.status." + r.status()),
                        ListExport.Column.label("inspection.round.trigger", r -> "inspection.trigger." + r.trigger()),
                        ListExport.Column.of("inspection.round.startedBy", Rounds.Row::startedBy),
                        ListExport.Column.of("inspection.round.startedAt", Rounds.Row::startedAt),
                        ListExport.Column.of("inspection.round.finishedAt", Rounds.Row::finishedAt),
                        ListExport.Column.of("inspection.round.targets", Rounds.Row::targets),
                        ListExport.Column.of("inspection.result.PASS", Rounds.Row::passed),
                        ListExport.Column.of("inspection.result.WARN", Rounds.Row::warned),
                        ListExport.Column.of("inspection.result.FAIL", Rounds.Row::failed),
                        ListExport.Column.of("inspection.result.ERROR", Rounds.Row::errored)),
                rounds, query.filter(), query.request(), format, settings.current().zone(), locale, http, response);
    }

    /** The list's parameters: {@code status}, {@code template}, and the list contract's page, size, sort, export. */
    record RoundQuery(String status, String template, Integer page, Integer size, String sort, String export) {

        Rounds.Filter filter() {
            return new Rounds.Filter(parse(RoundStatus.class, status), parse(Template.class, template));
        }

        ListRequest request() {
            return ListRequest.of(page, size, sort, Rounds.SORT);
        }

        private static <E extends Enum<E>> E parse(Class<E> type, String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("inspection-round-filter", value);
            }
        }
    }
}
