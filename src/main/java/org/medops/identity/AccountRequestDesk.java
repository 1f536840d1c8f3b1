package org.medops.identity;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.medops.shared.FieldChange;
import org.medops.shared.ProblemException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decides proposed changes to separated-duty accounts: the approving duty approves (and the change is
 * carried out in the same transaction) or rejects with a reason; the proposer may withdraw.
 */
@Service
class AccountRequestDesk {

    private final AccountRequests requests;
    private final Accounts accounts;
    private final Users users;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AccountRequestDesk(AccountRequests requests, Accounts accounts, Users users, ApplicationEventPublisher events,
                       Clock clock) {
        this.requests = requests;
        this.accounts = accounts;
        this.users = users;
        this.events = events;
        this.clock = clock;
    }

    AccountRequest require(long id) {
        return requests.find(id).orElseThrow(() -> ProblemException.notFound("account-request", id));
    }

    Page<AccountRequest> list(AccountRequest.Status status, Pageable pageable) {
        return requests.list(status, pageable);
    }

    /**
     * Approves and carries out the change. When it sets a split temporary password the approver's half
     * is generated here and returned once; it is stored nowhere but in the account's password hash.
     */
    @Transactional
    Decided approve(long id, String approver) {
        AccountRequest request = lock(id);
        String by = User.normalize(approver);
        AccountRequest approved = request.approve(by, users.permissionsOf(by), clock.instant());
        // The account may have changed since the proposal; the approving duty must still be the right one.
        if (Duty.approverFor(accounts.dutiesTouchedBy(request)).filter(request.approvingDuty()::equals).isEmpty()) {
            throw ProblemException.conflict("request-stale", id);
        }
        String half = request.splitPassword() ? TemporaryPassword.half() : null;
        accounts.apply(request, half == null ? null : request.passwordPart() + half);
        requests.decide(approved);
        List<FieldChange> changes = new ArrayList<>(details(approved));
        if (half != null) {
            changes.add(FieldChange.secret("passwordPart"));
        }
        events.publishEvent(IdentityAudit.ofUser("account-request.approve", request.target(), changes));
        return new Decided(approved, half);
    }

    @Transactional
    AccountRequest reject(long id, String approver, String reason) {
        AccountRequest request = lock(id);
        String by = User.normalize(approver);
        AccountRequest rejected = request.reject(by, users.permissionsOf(by), reason, clock.instant());
        requests.decide(rejected);
        List<FieldChange> changes = new ArrayList<>(details(rejected));
        changes.add(FieldChange.set("reason", rejected.reason()));
        events.publishEvent(IdentityAudit.ofUser("account-request.reject", request.target(), changes));
        return rejected;
    }

    @Transactional
    AccountRequest withdraw(long id, String proposer) {
        AccountRequest withdrawn = lock(id).withdraw(User.normalize(proposer), clock.instant());
        requests.decide(withdrawn);
        events.publishEvent(IdentityAudit.ofUser("account-request.withdraw", withdrawn.target(), details(withdrawn)));
        return withdrawn;
    }

    private AccountRequest lock(long id) {
        return requests.lock(id).orElseThrow(() -> ProblemException.notFound("account-request", id));
    }

    private static List<FieldChange> details(AccountRequest request) {
        return List.of(FieldChange.set("request", request.id()), FieldChange.set("kind", request.kind().name()),
                FieldChange.set("proposedBy", request.proposed().by()),
                FieldChange.of("status", AccountRequest.Status.PENDING.name(), request.status().name()));
    }

    /** An approved request and, when it set a split password, the approver's half (shown once). */
    record Decided(AccountRequest request, String passwordPart) {
    }
}
