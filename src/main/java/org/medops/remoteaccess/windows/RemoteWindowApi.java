package org.medops.remoteaccess.windows;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.medops.remoteaccess.permissions.CanApproveRemoteAccess;
import org.medops.remoteaccess.permissions.CanReadRemoteAccess;
import org.medops.remoteaccess.permissions.CanRequestRemoteAccess;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/remote-access/windows")
class RemoteWindowApi {

    private final RemoteAccess access;

    RemoteWindowApi(RemoteAccess access) {
        this.access = access;
    }

    /** The request body, shared with the console's form. */
    record WindowRequest(@NotBlank @Size(max = 200) String system, @NotNull Instant from, @NotNull Instant to,
                         @NotBlank @Size(max = 2000) String reason,
                         @Size(max = 500) @Pattern(regexp = "[\\p{L}\\p{N}#,，、 _./-]*") String ticketRefs) {
        RemoteWindow.Request toRequest() {
            return new RemoteWindow.Request(system.trim(), from, to, reason.trim(),
                    ticketRefs == null || ticketRefs.isBlank() ? null : ticketRefs.trim());
        }
    }

    record Decision(@Size(max = 1000) String note) {
    }

    record WindowView(long id, String requester, String system, Instant from, Instant to, String reason,
                      String ticketRefs, String status, boolean open, String decidedBy, Instant decidedAt,
                      String decisionNote, Instant endedAt) {
        static WindowView of(RemoteWindow w, Instant now) {
            return new WindowView(w.id(), w.requester(), w.request().system(), w.request().from(), w.request().to(),
                    w.request().reason(), w.request().ticketRefs(), w.status().name(), w.openAt(now), w.decidedBy(),
                    w.decidedAt(), w.decisionNote(), w.endedAt());
        }
    }

    @CanReadRemoteAccess
    @GetMapping
    List<WindowView> list() {
        Instant now = access.now();
        return access.recent(null).stream().map(w -> WindowView.of(w, now)).toList();
    }

    @CanReadRemoteAccess
    @GetMapping("/{id}")
    WindowView get(@PathVariable long id) {
        return WindowView.of(access.get(id), access.now());
    }

    @CanRequestRemoteAccess
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    WindowView request(Authentication caller, @Valid @RequestBody WindowRequest request) {
        return WindowView.of(access.request(caller.getName(), request.toRequest()), access.now());
    }

    @CanApproveRemoteAccess
    @PostMapping("/{id}/approve")
    WindowView approve(Authentication caller, @PathVariable long id, @Valid @RequestBody Decision decision) {
        return WindowView.of(access.approve(id, caller.getName(), decision.note()), access.now());
    }

    @CanApproveRemoteAccess
    @PostMapping("/{id}/refuse")
    WindowView refuse(Authentication caller, @PathVariable long id, @Valid @RequestBody Decision decision) {
        return WindowView.of(access.refuse(id, caller.getName(), decision.note()), access.now());
    }

    @CanApproveRemoteAccess
    @PostMapping("/{id}/end")
    WindowView end(Authentication caller, @PathVariable long id) {
        return WindowView.of(access.end(id, caller.getName()), access.now());
    }
}
