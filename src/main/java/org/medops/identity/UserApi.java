package org.medops.identity;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.medops.shared.ProblemException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/users")
class UserApi {

    private final Users users;
    private final Accounts accounts;
    private final Clock clock;

    UserApi(Users users, Accounts accounts, Clock clock) {
        this.users = users;
        this.accounts = accounts;
        this.clock = clock;
    }

    @GetMapping
    @CanReadUsers
    UserList list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
                  @RequestParam(defaultValue = "50") int size) {
        Page<User> found = users.list(q, PageRequest.of(Math.max(page, 0), Math.max(1, Math.min(size, 200))));
        return new UserList(found.getContent().stream().map(this::view).toList(), found.getNumber(),
                found.getSize(), found.getTotalElements());
    }

    @GetMapping("/{username}")
    @CanReadUsers
    UserView get(@PathVariable String username) {
        return users.findByUsername(username).map(this::view)
                .orElseThrow(() -> ProblemException.notFound("user", username));
    }

    /**
     * 201 with the account, or, for an account that would hold a separated duty, 202 with the proposal
     * another duty must approve (and the proposer's half of its first password).
     */
    @PostMapping
    @CanManageUsers
    ResponseEntity<?> create(@Valid @RequestBody NewUser request, @AuthenticationPrincipal CurrentUser me) {
        Accounts.AccountChange change = accounts.create(request, me.username());
        if (change.isProposed()) {
            return proposed(change);
        }
        return ResponseEntity.created(URI.create("/api/v1/users/" + change.username()))
                .body(new CreatedUser(get(change.username()), change.temporaryPassword()));
    }

    @PutMapping("/{username}/roles")
    @CanManageUsers
    ResponseEntity<?> assignRoles(@PathVariable String username, @Valid @RequestBody RoleAssignment assignment,
                                  @AuthenticationPrincipal CurrentUser me) {
        return answer(accounts.assignRoles(username, assignment.roles(), me.username()));
    }

    @PostMapping("/{username}/enable")
    @CanManageUsers
    ResponseEntity<?> enable(@PathVariable String username, @AuthenticationPrincipal CurrentUser me) {
        return answer(accounts.setEnabled(username, true, me.username()));
    }

    @PostMapping("/{username}/disable")
    @CanManageUsers
    ResponseEntity<?> disable(@PathVariable String username, @AuthenticationPrincipal CurrentUser me) {
        return answer(accounts.setEnabled(username, false, me.username()));
    }

    /** 200 with the new temporary password (shown once), or 202 with the proposal for a separated-duty account. */
    @PostMapping("/{username}/password-reset")
    @CanManageUsers
    ResponseEntity<?> resetPassword(@PathVariable String username, @AuthenticationPrincipal CurrentUser me) {
        Accounts.AccountChange change = accounts.resetPassword(username, me.username());
        if (change.isProposed()) {
            return proposed(change);
        }
        return ResponseEntity.ok(new CreatedUser(get(change.username()), change.temporaryPassword()));
    }

    private ResponseEntity<?> answer(Accounts.AccountChange change) {
        return change.isProposed() ? proposed(change) : ResponseEntity.ok(get(change.username()));
    }

    private static ResponseEntity<?> proposed(Accounts.AccountChange change) {
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/account-requests/" + change.proposal().id()))
                .body(AccountRequestApi.Proposed.of(change.proposal()));
    }

    @PostMapping("/{username}/unlock")
    @CanUnlockUsers
    UserView unlock(@PathVariable String username) {
        accounts.unlock(username);
        return get(username);
    }

    private UserView view(User user) {
        return UserView.of(user, users.superuser(user.username()), clock.instant());
    }

    record RoleAssignment(@NotNull Set<String> roles) {
    }

    record UserList(List<UserView> users, int page, int size, long total) {
    }

    /** A generated password appears in this response once and is never retrievable again. */
    record CreatedUser(UserView user, String temporaryPassword) {
    }

    record UserView(String username, String displayName, String email, boolean enabled, boolean locked,
                    boolean mustChangePassword, Set<String> roles, Instant lastLoginAt, Instant createdAt,
                    boolean superuser, boolean serviceAccount, boolean remoteVendor) {
        /** {@code superuser}: the account's roles, custom ones too, hold a separated administrator duty. */
        static UserView of(User user, boolean superuser, Instant now) {
            return new UserView(user.username(), user.displayName(), user.email(), user.enabled(),
                    user.isLocked(now),
                    user.mustChangePassword(), user.roles(), user.lastLoginAt(), user.createdAt(),
                    superuser, user.serviceAccount(), user.remoteVendor());
        }
    }
}
