package org.medops.identity;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Proposed changes to separated-duty accounts, and their approval by another duty. */
@RestController
@RequestMapping("/api/v1/account-requests")
class AccountRequestApi {

    private final AccountRequestDesk desk;

    AccountRequestApi(AccountRequestDesk desk) {
        this.desk = desk;
    }

    @GetMapping
    @CanSeeAccountRequests
    RequestList list(@RequestParam(required = false) AccountRequest.Status status,
                     @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        Page<AccountRequest> found = desk.list(status, PageRequest.of(Math.max(page, 0), Math.max(1, Math.min(size, 200))));
        return new RequestList(found.getContent().stream().map(RequestView::of).toList(), found.getNumber(),
                found.getSize(), found.getTotalElements());
    }

    @GetMapping("/{id}")
    @CanSeeAccountRequests
    RequestView get(@PathVariable long id) {
        return RequestView.of(desk.require(id));
    }

    /** The approver's half of a split temporary password is in this answer once, and nowhere else. */
    @PostMapping("/{id}/approve")
    @CanDecideAccountRequests
    Proposed approve(@PathVariable long id, @AuthenticationPrincipal CurrentUser me) {
        AccountRequestDesk.Decided decided = desk.approve(id, me.username());
        return new Proposed(RequestView.of(decided.request()), decided.passwordPart());
    }

    @PostMapping("/{id}/reject")
    @CanDecideAccountRequests
    RequestView reject(@PathVariable long id, @Valid @RequestBody RejectionReason reason, @AuthenticationPrincipal CurrentUser me) {
        return RequestView.of(desk.reject(id, me.username(), reason.reason()));
    }

    @PostMapping("/{id}/withdraw")
    @CanManageUsers
    RequestView withdraw(@PathVariable long id, @AuthenticationPrincipal CurrentUser me) {
        return RequestView.of(desk.withdraw(id, me.username()));
    }

    record RequestList(List<RequestView> requests, int page, int size, long total) {
    }

    /**
     * A request and, right after proposing or approving it, this party's half of the temporary password
     * the approval sets (null otherwise). The account signs in with the proposer's half followed by the
     * approver's half.
     */
    record Proposed(RequestView request, String temporaryPasswordPart) {
        static Proposed of(AccountRequest request) {
            return new Proposed(RequestView.of(request), request.passwordPart());
        }
    }

    record RequestView(long id, String kind, String target, String displayName, String email, Set<String> roles,
                       String approvingDuty, boolean splitPassword, String status, String proposedBy,
                       Instant proposedAt, String decidedBy, Instant decidedAt, String reason) {
        static RequestView of(AccountRequest r) {
            return new RequestView(r.id(), r.kind().name(), r.target(), r.details().displayName(),
                    r.details().email(), r.details().roles(), r.approvingDuty().name(), r.splitPassword(),
                    r.status().name(), r.proposed().by(), r.proposed().at(),
                    r.decided() == null ? null : r.decided().by(), r.decided() == null ? null : r.decided().at(),
                    r.reason());
        }
    }
}
