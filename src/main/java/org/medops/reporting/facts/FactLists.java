package org.medops.reporting.facts;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.medops.settings.Settings;
import org.medops.shared.ListExport;
import org.medops.shared.ListExport.Column;
import org.medops.shared.ListPage;
import org.medops.shared.ListSource;
import org.medops.shared.SortColumns;
import org.springframework.stereotype.Component;

/** The fact lists for the pages, the API and the exports: one query and one set of columns per kind. */
@Component
class FactLists {

    private static final List<Column<Call>> CALL_COLUMNS = List.of(
            Column.of("reporting.field.id", Call::id),
            Column.of("reporting.call.calledAt", Call::calledAt),
            Column.of("reporting.call.caller", Call::caller),
            Column.of("reporting.field.department", Call::department),
            Column.label("reporting.call.channel", c -> "reporting.channel." + c.channel()),
            Column.label("reporting.call.answered", c -> c.answered() ? "reporting.call.answeredYes" : "reporting.call.answeredNo"),
            Column.of("reporting.call.ticket", Call::ticketId),
            Column.of("reporting.call.summary", Call::summary),
            Column.label("reporting.call.byHospital", c -> c.byHospital() ? "reporting.yes" : "reporting.no"));
    private static final List<Column<Visit>> VISIT_COLUMNS = List.of(
            Column.of("reporting.field.id", Visit::id),
            Column.of("reporting.visit.visitedOn", Visit::visitedOn),
            Column.of("reporting.visit.visitor", Visit::visitor),
            Column.of("reporting.field.department", Visit::department),
            Column.of("reporting.visit.findings", Visit::findings),
            Column.of("reporting.visit.satisfaction", Visit::satisfaction),
            Column.of("reporting.visit.followUp", Visit::followUp));
    private static final List<Column<Training>> TRAINING_COLUMNS = List.of(
            Column.of("reporting.field.id", Training::id),
            Column.of("reporting.training.heldOn", Training::heldOn),
            Column.of("reporting.training.topic", Training::topic),
            Column.of("reporting.training.audience", Training::audience),
            Column.of("reporting.training.hours", Training::hours),
            Column.of("reporting.training.attendees", Training::attendees),
            Column.of("reporting.training.materials", Training::materials));
    private static final List<Column<Incident>> INCIDENT_COLUMNS = List.of(
            Column.of("reporting.field.id", Incident::id),
            Column.of("reporting.incident.occurredOn", Incident::occurredOn),
            Column.label("reporting.incident.kind", i -> "reporting.incidentKind." + i.kind()),
            Column.of("reporting.field.department", Incident::department),
            Column.of("reporting.incident.summary", Incident::summary),
            Column.of("reporting.incident.points", Incident::points),
            Column.of("reporting.incident.evidence", Incident::evidenceCount));
    private static final List<Column<Extraction>> EXTRACTION_COLUMNS = List.of(
            Column.of("reporting.field.id", Extraction::id),
            Column.of("reporting.extraction.requestedAt", Extraction::requestedAt),
            Column.of("reporting.extraction.requester", Extraction::requester),
            Column.of("reporting.field.department", Extraction::department),
            Column.of("reporting.extraction.subject", Extraction::subject),
            Column.of("reporting.extraction.dueOn", Extraction::dueOn),
            Column.of("reporting.extraction.deliveredAt", Extraction::deliveredAt),
            Column.of("reporting.extraction.accuracy", Extraction::accuracyPercent),
            Column.label("reporting.extraction.accurate", e -> e.accurate() == null ? null
                    : e.accurate() ? "reporting.yes" : "reporting.no"),
            Column.of("reporting.extraction.confirmedBy", Extraction::confirmedBy));

    private final Calls calls;
    private final Visits visits;
    private final Trainings trainings;
    private final Incidents incidents;
    private final Extractions extractions;
    private final ListExport export;
    private final Settings settings;

    FactLists(Calls calls, Visits visits, Trainings trainings, Incidents incidents, Extractions extractions,
              ListExport export, Settings settings) {
        this.calls = calls;
        this.visits = visits;
        this.trainings = trainings;
        this.incidents = incidents;
        this.extractions = extractions;
        this.export = export;
        this.settings = settings;
    }

    ListPage<?> page(FactKind kind, FactListQuery query, HttpServletRequest http) {
        return switch (kind) {
            case CALLS -> page(calls, Calls.SORT, query, http);
            case VISITS -> page(visits, Visits.SORT, query, http);
            case TRAININGS -> page(trainings, Trainings.SORT, query, http);
            case INCIDENTS -> page(incidents, Incidents.SORT, query, http);
            case EXTRACTIONS -> page(extractions, Extractions.SORT, query, http);
        };
    }

    ListPage<?> empty(FactKind kind, HttpServletRequest http) {
        return ListPage.empty(switch (kind) {
            case CALLS -> Calls.SORT;
            case VISITS -> Visits.SORT;
            case TRAININGS -> Trainings.SORT;
            case INCIDENTS -> Incidents.SORT;
            case EXTRACTIONS -> Extractions.SORT;
        }, http);
    }

    void export(FactKind kind, FactListQuery query, Locale locale, HttpServletRequest http,
                HttpServletResponse response) throws IOException {
        switch (kind) {
            case CALLS -> export(kind, CALL_COLUMNS, calls, Calls.SORT, query, locale, http, response);
            case VISITS -> export(kind, VISIT_COLUMNS, visits, Visits.SORT, query, locale, http, response);
            case TRAININGS -> export(kind, TRAINING_COLUMNS, trainings, Trainings.SORT, query, locale, http, response);
            case INCIDENTS -> export(kind, INCIDENT_COLUMNS, incidents, Incidents.SORT, query, locale, http, response);
            case EXTRACTIONS -> export(kind, EXTRACTION_COLUMNS, extractions, Extractions.SORT, query, locale, http,
                    response);
        }
    }

    private <T> ListPage<T> page(ListSource<FactFilter, T> source, SortColumns sort, FactListQuery query,
                                 HttpServletRequest http) {
        return ListPage.of(source, query.filter(settings.current().zone()), query.request(sort), http);
    }

    private <T> void export(FactKind kind, List<Column<T>> columns, ListSource<FactFilter, T> source,
                            SortColumns sort, FactListQuery query, Locale locale, HttpServletRequest http,
                            HttpServletResponse response) throws IOException {
        export.export("reporting." + kind.path(), columns, source, query.filter(settings.current().zone()),
                query.request(sort), query.export(), settings.current().zone(), locale, http, response);
    }
}
