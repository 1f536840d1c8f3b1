package org.medops.dataaccess.requests;

import java.util.List;

import jakarta.validation.Valid;
import org.medops.dataaccess.permissions.CanApproveDataAccess;
import org.medops.dataaccess.permissions.CanRequestDataAccess;
import org.medops.dataaccess.permissions.CanSeeDataAccessRequests;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sensitive-data access requests over REST. {@code GET} lists the caller's own requests, or with {@code all=true}
 * every request for the committee; {@code active=true} keeps the grants running now, {@code pending=true} the queue.
 */
@RestController
@RequestMapping("/api/v1/data-access/requests")
class DataAccessApi {

    private final AccessDesk desk;
    private final java.time.Clock clock;

    DataAccessApi(AccessDesk desk, java.time.Clock clock) {
        this.desk = desk;
        this.clock = clock;
    }

    @PostMapping
    @CanRequestDataAccess
    ResponseEntity<AccessRequestView> request(@Valid @RequestBody NewAccessRequest body, Authentication who) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(AccessRequestView.of(desk.request(body, who.getName()), clock.instant()));
    }

    @GetMapping
    @CanSeeDataAccessRequests
    List<AccessRequestView> list(@RequestParam(defaultValue = "false") boolean all,
                                 @RequestParam(defaultValue = "false") boolean active,
                                 @RequestParam(defaultValue = "false") boolean pending,
                                 @RequestParam(required = false) Integer limit, Authentication who) {
        return desk.list(who, all, active, pending, limit);
    }

    @GetMapping("/{id}")
    @CanSeeDataAccessRequests
    AccessRequestView one(@PathVariable long id, Authentication who) {
        return desk.view(id, who);
    }

    @PostMapping("/{id}/approve")
    @CanApproveDataAccess
    AccessRequestView approve(@PathVariable long id, Authentication who) {
        return AccessRequestView.of(desk.approve(id, who.getName()), clock.instant());
    }

    @PostMapping("/{id}/refuse")
    @CanApproveDataAccess
    AccessRequestView refuse(@PathVariable long id, @Valid @RequestBody Decision decision, Authentication who) {
        return AccessRequestView.of(desk.refuse(id, who.getName(), decision.reason()), clock.instant());
    }

    @PostMapping("/{id}/revoke")
    @CanApproveDataAccess
    AccessRequestView revoke(@PathVariable long id, @Valid @RequestBody(required = false) Decision decision,
                             Authentication who) {
        return AccessRequestView.of(desk.revoke(id, who.getName(), decision == null ? null : decision.reason()),
                clock.instant());
    }
}
