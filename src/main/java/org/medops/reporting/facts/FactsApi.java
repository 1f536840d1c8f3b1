package org.medops.reporting.facts;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.medops.reporting.permissions.CanEnterIncidents;
import org.medops.reporting.permissions.CanReadReporting;
import org.medops.reporting.permissions.CanRecordServiceFacts;
import org.medops.shared.ListPage;
import org.medops.shared.ProblemException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Service facts over REST, under {@code /api/v1/reporting}: {@code calls}, {@code visits}, {@code trainings},
 * {@code incidents} (the hospital's, with evidence files) and {@code extractions} (request → delivery →
 * confirmation). Every list pages ({@link FactListQuery}) and exports with {@code export=csv|xlsx}.
 */
@RestController
@RequestMapping("/api/v1/reporting")
class FactsApi {

    private final FactsDesk desk;
    private final FactLists lists;
    private final Incidents incidents;
    private final Extractions extractions;

    FactsApi(FactsDesk desk, FactLists lists, Incidents incidents, Extractions extractions) {
        this.desk = desk;
        this.lists = lists;
        this.incidents = incidents;
        this.extractions = extractions;
    }

    @GetMapping("/{kind:calls|visits|trainings|incidents|extractions}")
    @CanReadReporting
    ListPage<?> list(@PathVariable String kind, FactListQuery query, Locale locale, HttpServletRequest http,
                     HttpServletResponse response) throws IOException {
        FactKind chosen = FactKind.valueOf(kind.toUpperCase(Locale.ROOT));
        if (query.export() != null) {
            lists.export(chosen, query, locale, http, response);
            return null;
        }
        return lists.page(chosen, query, http);
    }

    /** The hospital (who may enter incidents) logging a call marks it as the hospital's own record. */
    @PostMapping("/calls")
    @CanRecordServiceFacts
    ResponseEntity<Call> logCall(@Valid @RequestBody FactRequests.NewCall call, Authentication who) {
        Call logged = desk.logCall(call, FactsController.isHospital(who), who.getName());
        return ResponseEntity.created(URI.create("/api/v1/reporting/calls/" + logged.id())).body(logged);
    }

    @PostMapping("/visits")
    @CanRecordServiceFacts
    ResponseEntity<Created> logVisit(@Valid @RequestBody FactRequests.NewVisit visit, Authentication who) {
        long id = desk.logVisit(visit, who.getName());
        return ResponseEntity.created(URI.create("/api/v1/reporting/visits/" + id)).body(new Created(id));
    }

    @PostMapping("/trainings")
    @CanRecordServiceFacts
    ResponseEntity<Created> logTraining(@Valid @RequestBody FactRequests.NewTraining training, Authentication who) {
        long id = desk.logTraining(training, who.getName());
        return ResponseEntity.created(URI.create("/api/v1/reporting/trainings/" + id)).body(new Created(id));
    }

    @PostMapping("/incidents")
    @CanEnterIncidents
    ResponseEntity<Incident> enterIncident(@Valid @RequestBody FactRequests.NewIncident incident, Authentication who) {
        Incident entered = desk.enterIncident(incident, who.getName());
        return ResponseEntity.created(URI.create("/api/v1/reporting/incidents/" + entered.id())).body(entered);
    }

    @GetMapping("/incidents/{id}")
    @CanReadReporting
    IncidentDetail incident(@PathVariable long id) {
        Incident incident = incidents.find(id).orElseThrow(() -> ProblemException.notFound("reportingIncident", id));
        return new IncidentDetail(incident, incidents.evidence(id));
    }

    @PostMapping("/incidents/{id}/evidence")
    @CanEnterIncidents
    Incidents.EvidenceFile attach(@PathVariable long id, @RequestPart("file") MultipartFile file, Authentication who)
            throws IOException {
        return desk.attachEvidence(id, file.getOriginalFilename(), file.getBytes(), who.getName());
    }

    @GetMapping("/incidents/{id}/evidence/{fileId}")
    @CanReadReporting
    ResponseEntity<byte[]> evidence(@PathVariable long id, @PathVariable long fileId) {
        Incidents.Evidence file = incidents.evidenceFile(id, fileId)
                .orElseThrow(() -> ProblemException.notFound("reportingEvidence", fileId));
        return download(file.filename(), file.contentType(), file.content());
    }

    @PostMapping("/extractions")
    @CanRecordServiceFacts
    ResponseEntity<Extraction> request(@Valid @RequestBody FactRequests.NewExtraction request, Authentication who) {
        Extraction created = desk.request(request, who.getName());
        return ResponseEntity.created(URI.create("/api/v1/reporting/extractions/" + created.id())).body(created);
    }

    @GetMapping("/extractions/{id}")
    @CanReadReporting
    Extraction extraction(@PathVariable long id) {
        return extractions.find(id).orElseThrow(() -> ProblemException.notFound("reportingExtraction", id));
    }

    @PostMapping("/extractions/{id}/delivery")
    @CanRecordServiceFacts
    Extraction deliver(@PathVariable long id, @RequestPart("file") MultipartFile file, Authentication who)
            throws IOException {
        return desk.deliver(id, file.getOriginalFilename(), file.getBytes(), who.getName());
    }

    /** The requester's confirmation is the hospital's word, as an incident is. */
    @PostMapping("/extractions/{id}/confirmation")
    @CanEnterIncidents
    Extraction confirm(@PathVariable long id, @Valid @RequestBody FactRequests.Confirmation confirmation) {
        return desk.confirm(id, confirmation);
    }

    @GetMapping("/extractions/{id}/file")
    @CanReadReporting
    ResponseEntity<byte[]> delivered(@PathVariable long id) {
        Extractions.Delivered file = extractions.file(id)
                .orElseThrow(() -> ProblemException.notFound("reportingExtraction", id));
        return download(file.fileName(), file.fileType(), file.fileContent());
    }

    static ResponseEntity<byte[]> download(String filename, String type, byte[] content) {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(filename, java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(content);
    }

    record Created(long id) {
    }

    record IncidentDetail(Incident incident, List<Incidents.EvidenceFile> evidence) {
    }
}
