package org.medops.opsdesk.changes;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import org.medops.shared.ProblemException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Changes over REST: request, the hospital's written authorization, execution and result. */
@RestController
@RequestMapping("/api/v1/opsdesk/changes")
class ChangesApi {

    private final Changes changes;
    private final ChangeDesk desk;

    ChangesApi(Changes changes, ChangeDesk desk) {
        this.changes = changes;
        this.desk = desk;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('opsdesk:read')")
    List<Change> list(@RequestParam(required = false) ChangeStatus status) {
        return changes.list(status, 500);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('opsdesk:read')")
    Change one(@PathVariable long id) {
        return changes.find(id).orElseThrow(() -> ProblemException.notFound("change", id));
    }

    @GetMapping("/window")
    @PreAuthorize("hasAuthority('opsdesk:read')")
    Window window() {
        MaintenanceWindow window = desk.window();
        return new Window(window.start().toString(), window.end().toString(), window.zone().getId(),
                window.crossesMidnight());
    }

    @PostMapping
    @PreAuthorize("hasAnyAuthority('opsdesk:work', 'opsdesk:report')")
    ResponseEntity<Change> request(@Valid @RequestBody NewChange plan, Authentication who) {
        Change created = desk.request(plan, who.getName());
        return ResponseEntity.created(URI.create("/api/v1/opsdesk/changes/" + created.id())).body(created);
    }

    @PostMapping("/{id}/authorize")
    @PreAuthorize("hasAuthority('opsdesk:confirm')")
    Change authorize(@PathVariable long id, @RequestBody Authorization body, Authentication who) {
        return desk.authorize(id, body.signerName(), body.statement(), who.getName());
    }

    @PostMapping("/{id}/refuse")
    @PreAuthorize("hasAuthority('opsdesk:confirm')")
    Change refuse(@PathVariable long id, @RequestBody Refusal body, Authentication who) {
        return desk.refuse(id, body.signerName(), body.reason(), who.getName());
    }

    @PostMapping("/{id}/start")
    @PreAuthorize("hasAuthority('opsdesk:work')")
    Change start(@PathVariable long id, @RequestBody(required = false) Started body) {
        return desk.start(id, body == null ? null : body.startedAt(), body == null ? null : body.emergencyReason());
    }

    @PostMapping("/{id}/finish")
    @PreAuthorize("hasAuthority('opsdesk:work')")
    Change finish(@PathVariable long id, @RequestBody Finished body) {
        return desk.finish(id, body.result(), body.notes(), body.finishedAt());
    }

    @PostMapping("/{id}/cancel")
    @PreAuthorize("hasAnyAuthority('opsdesk:work', 'opsdesk:manage')")
    Change cancel(@PathVariable long id, @RequestBody Cancellation body, Authentication who) {
        return desk.cancel(id, body.reason(), who.getName());
    }

    /** The hospital's signature: the signer's name and their statement. */
    record Authorization(String signerName, String statement) {
    }

    record Refusal(String signerName, String reason) {
    }

    /** {@code emergencyReason} (紧急变更原因) lets a change start outside its authorised period. */
    record Started(Instant startedAt, String emergencyReason) {
    }

    record Finished(ChangeResult result, String notes, Instant finishedAt) {
    }

    record Cancellation(String reason) {
    }

    /** Wall-clock times as HH:mm in the window's zone. */
    record Window(String start, String end, String zone, boolean crossesMidnight) {
    }
}
