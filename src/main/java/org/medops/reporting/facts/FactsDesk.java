package org.medops.reporting.facts;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.medops.shared.FieldChange;
import org.medops.shared.ProblemException;
import org.medops.shared.UploadedFileType;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Logs the facts, each with its trace in the audit trail. */
@Service
class FactsDesk {

    private final Calls calls;
    private final Visits visits;
    private final Trainings trainings;
    private final Incidents incidents;
    private final Extractions extractions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    FactsDesk(Calls calls, Visits visits, Trainings trainings, Incidents incidents, Extractions extractions,
              ApplicationEventPublisher events, Clock clock) {
        this.calls = calls;
        this.visits = visits;
        this.trainings = trainings;
        this.incidents = incidents;
        this.extractions = extractions;
        this.events = events;
        this.clock = clock;
    }

    /** {@code byHospital}: the hospital logs a call nobody answered; only unanswered calls may come from it. */
    @Transactional
    Call logCall(FactRequests.NewCall call, boolean byHospital, String by) {
        Instant now = clock.instant();
        Instant at = call.calledAt() == null ? now : call.calledAt();
        if (at.isAfter(now.plusSeconds(60))) {
            throw ProblemException.invalid("reporting-fact-future");
        }
        long id = calls.insert(call, at, byHospital, by, now);
        events.publishEvent(new FactAction("reporting.call.log", "reportingCall", Long.toString(id),
                FieldChange.between(null, call)));
        return calls.find(id).orElseThrow();
    }

    @Transactional
    long logVisit(FactRequests.NewVisit visit, String by) {
        requireNotFuture(visit.visitedOn());
        long id = visits.insert(visit, by, clock.instant());
        events.publishEvent(new FactAction("reporting.visit.log", "reportingVisit", Long.toString(id),
                FieldChange.between(null, visit)));
        return id;
    }

    @Transactional
    long logTraining(FactRequests.NewTraining training, String by) {
        requireNotFuture(training.heldOn());
        long id = trainings.insert(training, by, clock.instant());
        events.publishEvent(new FactAction("reporting.training.log", "reportingTraining", Long.toString(id),
                FieldChange.between(null, training)));
        return id;
    }

    @Transactional
    Incident enterIncident(FactRequests.NewIncident incident, String by) {
        requireNotFuture(incident.occurredOn());
        if (incident.kind().needsPoints() && incident.points() == null) {
            throw ProblemException.invalid("reporting-incident-points-required");
        }
        long id = incidents.insert(incident, by, clock.instant());
        events.publishEvent(new FactAction("reporting.incident.enter", "reportingIncident", Long.toString(id),
                FieldChange.between(null, incident)));
        return incidents.find(id).orElseThrow();
    }

    @Transactional
    Incidents.EvidenceFile attachEvidence(long incidentId, String filename, byte[] content, String by) {
        incidents.find(incidentId).orElseThrow(() -> ProblemException.notFound("reportingIncident", incidentId));
        UploadedFileType type = fileType(filename, content);
        long id = incidents.attach(incidentId, filename, type.contentType(), content, by, clock.instant());
        events.publishEvent(new FactAction("reporting.incident.evidence", "reportingIncident",
                Long.toString(incidentId), List.of(FieldChange.set("filename", filename))));
        return incidents.evidence(incidentId).stream().filter(f -> f.id() == id).findFirst().orElseThrow();
    }

    @Transactional
    Extraction request(FactRequests.NewExtraction request, String by) {
        long id = extractions.insert(request, clock.instant(), by);
        events.publishEvent(new FactAction("reporting.extraction.request", "reportingExtraction", Long.toString(id),
                FieldChange.between(null, request)));
        return extractions.find(id).orElseThrow();
    }

    /** Delivering again replaces the file and clears an earlier confirmation: the requester judges the new one. */
    @Transactional
    Extraction deliver(long id, String filename, byte[] content, String by) {
        extractions.find(id).orElseThrow(() -> ProblemException.notFound("reportingExtraction", id));
        UploadedFileType type = fileType(filename, content);
        extractions.deliver(id, filename, type.contentType(), content, clock.instant());
        events.publishEvent(new FactAction("reporting.extraction.deliver", "reportingExtraction", Long.toString(id),
                List.of(FieldChange.set("filename", filename), FieldChange.set("deliveredBy", by))));
        return extractions.find(id).orElseThrow();
    }

    @Transactional
    Extraction confirm(long id, FactRequests.Confirmation confirmation) {
        Extraction extraction = extractions.find(id)
                .orElseThrow(() -> ProblemException.notFound("reportingExtraction", id));
        if (!extraction.delivered()) {
            throw ProblemException.conflict("reporting-extraction-not-delivered", Long.toString(id));
        }
        extractions.confirm(id, confirmation.accuracyPercent(), confirmation.accurate(),
                confirmation.confirmedBy().strip(), clock.instant());
        events.publishEvent(new FactAction("reporting.extraction.confirm", "reportingExtraction", Long.toString(id),
                FieldChange.between(null, confirmation)));
        return extractions.find(id).orElseThrow();
    }

    private static UploadedFileType fileType(String filename, byte[] content) {
        if (content == null || content.length == 0) {
            throw ProblemException.invalid("reporting-file-empty");
        }
        if (content.length > UploadedFileType.MAX_BYTES) {
            throw ProblemException.invalid("reporting-file-too-large", UploadedFileType.MAX_BYTES / 1024 / 1024);
        }
        return UploadedFileType.detect(filename == null ? "" : filename, content)
                .orElseThrow(() -> ProblemException.invalid("reporting-file-type", String.valueOf(filename)));
    }

    private void requireNotFuture(java.time.LocalDate day) {
        if (day.isAfter(java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.ofHours(14)))) {
            throw ProblemException.invalid("reporting-fact-future");
        }
    }
}
