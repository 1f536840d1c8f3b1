package org.medops.identity;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

import org.medops.shared.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * A change to an account holding a separated duty, proposed by the system duty and waiting for the
 * {@code approvingDuty} to approve or reject it. Immutable: each step returns the next state.
 *
 * @param splitPassword whether approval gives the account a new temporary password made of two halves:
 *                      {@code passwordPart} for the proposer (shown when proposing, kept only while
 *                      pending) and one the approver sees once, so neither alone can sign in as the account
 */
record AccountRequest(Long id, Kind kind, String target, AccountDetails details, Duty approvingDuty,
                      boolean splitPassword, String passwordPart, Status status, Step proposed, Step decided,
                      String reason) {

    enum Kind { CREATE, RESET_PASSWORD, ENABLE, DISABLE, ASSIGN_ROLES }

    enum Status { PENDING, APPROVED, REJECTED, WITHDRAWN }

    /** Who took a step, and when. */
    record Step(String by, Instant at) {
    }

    /** What a creation or re-roling asks for; the roles only for those two kinds. */
    record AccountDetails(String displayName, String email, Set<String> roles) {
        AccountDetails {
            roles = roles == null ? Set.of() : Set.copyOf(new TreeSet<>(roles));
        }

        static AccountDetails none() {
            return new AccountDetails(null, null, Set.of());
        }
    }

    static AccountRequest propose(Kind kind, String target, AccountDetails details, Duty approvingDuty,
                                  boolean splitPassword, String by, Instant at) {
        return new AccountRequest(null, kind, target, details, approvingDuty, splitPassword,
                splitPassword ? TemporaryPassword.half() : null, Status.PENDING, new Step(by, at), null, null);
    }

    AccountRequest withId(long newId) {
        return new AccountRequest(newId, kind, target, details, approvingDuty, splitPassword, passwordPart, status,
                proposed, decided, reason);
    }

    /**
     * The approver must hold the approving duty's permission and be neither the proposer nor the account
     * the change is about.
     */
    AccountRequest approve(String by, Set<String> approverPermissions, Instant at) {
        requireDecidableBy(by, approverPermissions);
        return decide(Status.APPROVED, by, at, null);
    }

    AccountRequest reject(String by, Set<String> approverPermissions, String why, Instant at) {
        requireDecidableBy(by, approverPermissions);
        if (why == null || why.isBlank()) {
            throw ProblemException.invalid("reason-required");
        }
        return decide(Status.REJECTED, by, at, why.trim());
    }

    /** The proposer takes their proposal back. */
    AccountRequest withdraw(String by, Instant at) {
        requirePending();
        if (!proposed.by().equals(by)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "request-not-yours", id);
        }
        return decide(Status.WITHDRAWN, by, at, null);
    }

    public boolean pending() {
        return status == Status.PENDING;
    }

    private void requireDecidableBy(String by, Set<String> approverPermissions) {
        requirePending();
        if (proposed.by().equals(by)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "own-request", id);
        }
        if (target.equals(by)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "own-account-request", id);
        }
        String needed = approvingDuty.approval().map(Permission::code).orElseThrow();
        if (!approverPermissions.contains(needed)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "request-approver-duty", id, approvingDuty.name());
        }
    }

    private void requirePending() {
        if (!pending()) {
            throw ProblemException.conflict("request-decided", id, status.name());
        }
    }

    /** A decision ends the request; the proposer's half of the password is not kept beyond it. */
    private AccountRequest decide(Status next, String by, Instant at, String why) {
        return new AccountRequest(id, kind, target, details, approvingDuty, splitPassword, null, next, proposed,
                new Step(by, at), why);
    }
}
