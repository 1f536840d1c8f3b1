package org.medops.opsdesk.changes;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import jakarta.validation.Valid;
import org.medops.shared.ListPage;
import org.medops.shared.ProblemException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Changes over REST: request, the hospital's written authorization and emergency approval, execution and result. */
@RestController
@RequestMapping("/api/v1/opsdesk/changes")
class ChangesApi {

    private final Changes changes;
    private final ChangeDesk desk;
    private final ChangeList list;

    private final org.medops.signature.SignedDocuments signedDocuments;

    ChangesApi(Changes changes, ChangeDesk desk, ChangeList list, org.medops.signature.SignedDocuments signedDocuments) {
        this.signedDocuments = signedDocuments;
        this.list = list;
        this.changes = changes;
        this.desk = desk;
    }

    /** A page of the list ({@link ChangeListQuery}): {@code rows, total, page, size, sort, links}; {@code export} downloads. */
    @GetMapping
    @CanReadChanges
    ListPage<ChangeQueries.ChangeRow> list(ChangeListQuery query, Locale locale, HttpServletRequest http,
                                           HttpServletResponse response) throws IOException {
        if (query.export() != null) {
            list.export(query, query.export(), locale, http, response);
            return null;
        }
        return list.page(query, http);
    }

    @GetMapping("/{id}")
    @CanReadChanges
    ChangeView one(@PathVariable long id) {
        return ChangeView.of(changes.find(id).orElseThrow(() -> ProblemException.notFound("change", id)));
    }

    @GetMapping("/window")
    @CanReadChanges
    Window window() {
        MaintenanceWindow window = desk.window();
        return new Window(window.start().toString(), window.end().toString(), window.zone().getId(),
                window.crossesMidnight());
    }

    @PostMapping
    @CanRequestChanges
    ResponseEntity<ChangeView> request(@Valid @RequestBody NewChange plan, Authentication who) {
        Change created = desk.request(plan, who.getName());
        return ResponseEntity.created(URI.create("/api/v1/opsdesk/changes/" + created.id())).body(ChangeView.of(created));
    }

    @PostMapping("/{id}/authorize")
    @CanAuthorizeChanges
    ChangeView authorize(@PathVariable long id, @RequestBody Authorization body, Authentication who) {
        return ChangeView.of(desk.authorize(id, body.signerName(), body.statement(), who.getName()));
    }

    /** The hospital's authorization as a PDF with its signer's electronic signature (404 before, or without a font). */
    @GetMapping("/{id}/authorization.pdf")
    @CanReadChanges
    ResponseEntity<byte[]> authorizationPdf(@PathVariable long id) {
        byte[] pdf = signedDocuments.pdf(ChangeDesk.SIGNED_TYPE, Long.toString(id))
                .orElseThrow(() -> ProblemException.notFound("signed-document", id));
        return ResponseEntity.ok().contentType(org.springframework.http.MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "attachment; filename=\"change-" + id + "-authorization.pdf\"").body(pdf);
    }

    @PostMapping("/{id}/refuse")
    @CanAuthorizeChanges
    ChangeView refuse(@PathVariable long id, @RequestBody Refusal body, Authentication who) {
        return ChangeView.of(desk.refuse(id, body.signerName(), body.reason(), who.getName()));
    }

    @PostMapping("/{id}/start")
    @CanCarryOutChanges
    ChangeView start(@PathVariable long id, @RequestBody(required = false) Started body) {
        return ChangeView.of(desk.start(id, body == null ? null : body.startedAt()));
    }

    /** The engineer asks the hospital to approve starting outside the authorised period (紧急变更). */
    @PostMapping("/{id}/emergency")
    @CanCarryOutChanges
    ChangeView requestEmergency(@PathVariable long id, @RequestBody EmergencyRequest body, Authentication who) {
        return ChangeView.of(desk.requestEmergency(id, body.reason(), who.getName()));
    }

    @PostMapping("/{id}/emergency/approve")
    @CanAuthorizeChanges
    ChangeView approveEmergency(@PathVariable long id, @RequestBody(required = false) EmergencyDecisionBody body,
                                Authentication who) {
        return ChangeView.of(desk.approveEmergency(id, body == null ? null : body.signerName(), who.getName()));
    }

    @PostMapping("/{id}/emergency/reject")
    @CanAuthorizeChanges
    ChangeView rejectEmergency(@PathVariable long id, @RequestBody EmergencyDecisionBody body, Authentication who) {
        return ChangeView.of(desk.rejectEmergency(id, body.signerName(), body.reason(), who.getName()));
    }

    @PostMapping("/{id}/finish")
    @CanCarryOutChanges
    ChangeView finish(@PathVariable long id, @RequestBody Finished body) {
        return ChangeView.of(desk.finish(id, body.result(), body.notes(), body.finishedAt()));
    }

    @PostMapping("/{id}/cancel")
    @CanCancelChanges
    ChangeView cancel(@PathVariable long id, @RequestBody Cancellation body, Authentication who) {
        return ChangeView.of(desk.cancel(id, body.reason(), who.getName()));
    }

    /** The hospital's signature: the signer's name and their statement. */
    record Authorization(String signerName, String statement) {
    }

    record Refusal(String signerName, String reason) {
    }

    /** Outside the authorised period a start needs an emergency the hospital approved ({@code …/emergency}). */
    record Started(Instant startedAt) {
    }

    /** 紧急变更原因. */
    record EmergencyRequest(String reason) {
    }

    /** The hospital reviewer's name as signed; a rejection needs its reason. */
    record EmergencyDecisionBody(String signerName, String reason) {
    }

    record Finished(ChangeResult result, String notes, Instant finishedAt) {
    }

    record Cancellation(String reason) {
    }

    /** Wall-clock times as HH:mm in the window's zone. */
    record Window(String start, String end, String zone, boolean crossesMidnight) {
    }
}
