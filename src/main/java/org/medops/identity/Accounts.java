package org.medops.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.medops.settings.Settings;
import org.medops.shared.AuditableEvent;
import org.medops.shared.FieldChange;
import org.medops.shared.FilterText;
import org.medops.shared.ProblemException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating and changing accounts: the rules of the user-management pages and API. */
@Service
class Accounts {

    private final Users users;
    private final Roles roles;
    private final AccountRequests requests;
    private final ApiTokens tokens;
    private final PasswordEncoder encoder;
    private final Settings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Accounts(Users users, Roles roles, AccountRequests requests, ApiTokens tokens, PasswordEncoder encoder, Settings settings,
             ApplicationEventPublisher events, Clock clock) {
        this.users = users;
        this.roles = roles;
        this.requests = requests;
        this.tokens = tokens;
        this.encoder = encoder;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Creates an account on a person's request. Without a password one is generated; either way it is
     * temporary, so the person must choose their own at first login. An account that would hold a
     * separated duty is only proposed: another duty approves it, and its first password is split between
     * the proposer and the approver (a chosen password is refused, as the proposer would know it).
     */
    @Transactional
    AccountChange create(NewUser request, String actor) {
        String username = User.normalize(request.username());
        requireFree(username);
        Set<String> roleCodes = Set.copyOf(request.roles());
        Set<String> permissions = permissionsAllowed(roleCodes, username);
        Optional<Duty> approver = control(Duty.of(permissions));
        if (approver.isPresent()) {
            if (request.password() != null && !request.password().isBlank()) {
                throw ProblemException.invalid("split-password-required", username);
            }
            return propose(AccountRequest.Kind.CREATE, username, new AccountRequest.AccountDetails(
                    request.displayName(), FilterText.orNull(request.email()), roleCodes), approver.get(), true, actor);
        }
        NewAccount account = insert(request, false, bootstrapMark(Duty.of(permissions)));
        return AccountChange.done(username, account.generatedPassword());
    }

    /**
     * The platform itself creates an account (the first administrator, the demo accounts): no person
     * proposes it, so no approval applies, but the roles still respect the separation.
     */
    @Transactional
    NewAccount createByPlatform(NewUser request, boolean permanent) {
        String username = User.normalize(request.username());
        requireFree(username);
        permissionsAllowed(Set.copyOf(request.roles()), username);
        return insert(request, permanent, List.of(FieldChange.set("control", "platform")));
    }

    private NewAccount insert(NewUser request, boolean permanent, List<FieldChange> extra) {
        String username = User.normalize(request.username());
        Set<String> roleCodes = Set.copyOf(request.roles());
        boolean generated = request.password() == null || request.password().isBlank();
        String password = generated ? TemporaryPassword.generate() : request.password();
        requireAcceptable(username, password);
        insert(username, request.displayName(), FilterText.orNull(request.email()), password, !permanent, roleCodes, extra);
        return new NewAccount(username, generated ? password : null);
    }

    private void insert(String username, String displayName, String email, String password, boolean temporary,
                        Set<String> roleCodes, List<FieldChange> extra) {
        Instant now = clock.instant();
        User user = users.save(User.create(username, displayName, email, encoder.encode(password), temporary,
                roleCodes, now));
        users.rememberPassword(user.id(), user.passwordHash(), now);
        List<FieldChange> changes = new ArrayList<>(List.of(
                FieldChange.set("displayName", user.displayName()),
                FieldChange.set("email", user.email()),
                FieldChange.set("roles", String.join(",", user.roles())),
                FieldChange.secret("password")));
        changes.addAll(extra);
        events.publishEvent(IdentityAudit.ofUser("user.create", username, changes));
    }

    /** A developer account bound to {@code channelCode}; returns the generated temporary password. */
    @Transactional
    String createDeveloper(String channelCode, NewUser request) {
        String username = User.normalize(request.username());
        requireFree(username);
        String password = TemporaryPassword.generate();
        Instant now = clock.instant();
        User user = users.save(User.create(username, request.displayName(), FilterText.orNull(request.email()),
                encoder.encode(password), true, request.roles(), now, channelCode));
        users.rememberPassword(user.id(), user.passwordHash(), now);
        events.publishEvent(IdentityAudit.ofUser("user.create", username, List.of(
                FieldChange.set("displayName", user.displayName()), FieldChange.set("channel", channelCode),
                FieldChange.set("roles", String.join(",", user.roles())), FieldChange.secret("password"))));
        return password;
    }

    /**
     * A developer's own registration: the password they chose (held to the policy) is permanent, but
     * the account signs in only once an administrator approves it and binds it to a channel.
     */
    @Transactional
    void register(NewUser request) {
        String username = User.normalize(request.username());
        requireFree(username);
        requireAcceptable(username, request.password());
        Instant now = clock.instant();
        User user = users.save(User.registered(username, request.displayName(), FilterText.orNull(request.email()),
                encoder.encode(request.password()), request.roles(), now));
        users.rememberPassword(user.id(), user.passwordHash(), now);
        events.publishEvent(new IdentityAudit("user.register", "user", username, AuditableEvent.Outcome.SUCCESS,
                List.of(FieldChange.set("displayName", user.displayName()), FieldChange.set("email", user.email()),
                        FieldChange.set("roles", String.join(",", user.roles())), FieldChange.secret("password")),
                username));
    }

    /** Approves a registration: bound to the channel, able to sign in. */
    @Transactional
    void approveRegistration(String username, String channelCode) {
        User user = require(username);
        user.approve(channelCode);
        users.save(user);
        events.publishEvent(IdentityAudit.ofUser("user.registration.approve", user.username(),
                List.of(FieldChange.of("approval", User.PENDING, User.APPROVED), FieldChange.set("channel", channelCode))));
    }

    @Transactional
    void refuseRegistration(String username) {
        User user = require(username);
        user.refuse();
        users.save(user);
        events.publishEvent(IdentityAudit.ofUser("user.registration.refuse", user.username(),
                List.of(FieldChange.of("approval", User.PENDING, User.REJECTED), FieldChange.of("enabled", true, false))));
    }

    @Transactional
    void update(String username, String displayName, String email) {
        User user = require(username);
        List<FieldChange> changes = List.of(
                FieldChange.of("displayName", user.displayName(), displayName),
                FieldChange.of("email", user.email(), FilterText.orNull(email)));
        user.rename(displayName, FilterText.orNull(email));
        users.save(user);
        events.publishEvent(IdentityAudit.ofUser("user.update", user.username(), changes));
    }

    /**
     * Replaces an account's roles. When the account holds a separated duty before or after, the change
     * is proposed instead; gaining a duty also replaces the password on approval (split between
     * proposer and approver), since whoever created an ordinary account may know its password.
     */
    @Transactional
    AccountChange assignRoles(String username, Set<String> roleCodes, String actor) {
        User user = require(username);
        if (user.username().equals(User.normalize(actor))) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "own-roles");
        }
        Set<String> after = permissionsAllowed(roleCodes, user.username());
        Set<Duty> dutiesBefore = Duty.of(roles.permissionsOf(user.roles()));
        Set<Duty> dutiesAfter = Duty.of(after);
        Set<Duty> held = union(dutiesBefore, dutiesAfter);
        Optional<Duty> approver = control(held);
        if (approver.isPresent()) {
            return propose(AccountRequest.Kind.ASSIGN_ROLES, user.username(),
                    new AccountRequest.AccountDetails(null, null, roleCodes), approver.get(),
                    !dutiesBefore.containsAll(dutiesAfter), actor);
        }
        applyRoles(user, roleCodes, bootstrapMark(held));
        return AccountChange.done(user.username(), null);
    }

    private void applyRoles(User user, Set<String> roleCodes, List<FieldChange> extra) {
        String before = String.join(",", user.roles());
        user.assignRoles(roleCodes);
        users.save(user);
        List<FieldChange> changes = new ArrayList<>(List.of(FieldChange.of("roles", before, String.join(",", user.roles()))));
        changes.addAll(extra);
        events.publishEvent(IdentityAudit.ofUser("user.roles", user.username(), changes));
    }

    @Transactional
    AccountChange setEnabled(String username, boolean enabled, String actor) {
        User user = require(username);
        if (!enabled && user.username().equals(User.normalize(actor))) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "disable-self");
        }
        Set<Duty> held = dutiesOf(user);
        Optional<Duty> approver = control(held);
        if (approver.isPresent()) {
            return propose(enabled ? AccountRequest.Kind.ENABLE : AccountRequest.Kind.DISABLE, user.username(),
                    AccountRequest.AccountDetails.none(), approver.get(), false, actor);
        }
        applyEnabled(user, enabled, bootstrapMark(held));
        return AccountChange.done(user.username(), null);
    }

    private void applyEnabled(User user, boolean enabled, List<FieldChange> extra) {
        boolean before = user.enabled();
        if (enabled) {
            user.enable();
        } else {
            user.disable();
            tokens.revokeAll(user.id());
        }
        users.save(user);
        List<FieldChange> changes = new ArrayList<>(List.of(FieldChange.of("enabled", before, enabled)));
        changes.addAll(extra);
        events.publishEvent(IdentityAudit.ofUser(enabled ? "user.enable" : "user.disable", user.username(), changes));
    }

    @Transactional
    void unlock(String username) {
        User user = require(username);
        user.unlock();
        users.save(user);
        events.publishEvent(IdentityAudit.ofUser("user.unlock", user.username(), List.of()));
    }

    /**
     * An administrator resets a password: a new temporary one, shown once. For a separated-duty account
     * the reset is proposed, and the new password is split between proposer and approver.
     */
    @Transactional
    AccountChange resetPassword(String username, String actor) {
        User user = require(username);
        Set<Duty> held = dutiesOf(user);
        Optional<Duty> approver = control(held);
        if (approver.isPresent()) {
            return propose(AccountRequest.Kind.RESET_PASSWORD, user.username(), AccountRequest.AccountDetails.none(),
                    approver.get(), true, actor);
        }
        String password = TemporaryPassword.generate();
        applyPassword(user, password, bootstrapMark(held));
        return AccountChange.done(user.username(), password);
    }

    private void applyPassword(User user, String password, List<FieldChange> extra) {
        Instant now = clock.instant();
        user.changePassword(encoder.encode(password), now, true);
        user.unlock();
        users.save(user);
        users.rememberPassword(user.id(), user.passwordHash(), now);
        tokens.revokeAll(user.id());
        List<FieldChange> changes = new ArrayList<>(List.of(FieldChange.secret("password")));
        changes.addAll(extra);
        events.publishEvent(IdentityAudit.ofUser("user.password.reset", user.username(), changes));
    }

    /**
     * Carries out an approved request, re-checking what may have changed since it was proposed.
     * {@code password} is the whole split temporary password when the request sets one.
     */
    void apply(AccountRequest request, String password) {
        List<FieldChange> origin = List.of(FieldChange.set("request", request.id()),
                FieldChange.set("proposedBy", request.proposed().by()));
        switch (request.kind()) {
            case CREATE -> {
                requireFree(request.target());
                permissionsAllowed(request.details().roles(), request.target());
                insert(request.target(), request.details().displayName(), request.details().email(), password, true,
                        request.details().roles(), origin);
            }
            case RESET_PASSWORD -> applyPassword(require(request.target()), password, origin);
            case ENABLE -> applyEnabled(require(request.target()), true, origin);
            case DISABLE -> applyEnabled(require(request.target()), false, origin);
            case ASSIGN_ROLES -> {
                User user = require(request.target());
                permissionsAllowed(request.details().roles(), user.username());
                applyRoles(user, request.details().roles(), origin);
                if (password != null) {
                    applyPassword(require(request.target()), password, origin);
                }
            }
        }
    }

    /** The separated duties a request touches now: the account's current ones and those it asks for. */
    Set<Duty> dutiesTouchedBy(AccountRequest request) {
        Set<Duty> now = users.findByUsername(request.target()).map(this::dutiesOf).orElse(Set.of());
        return union(now, Duty.of(roles.permissionsOf(request.details().roles())));
    }

    /**
     * Which duty must approve a change to an account holding {@code held}; empty when the change may be
     * made at once: the account holds no separated duty, or the installation is still being set up.
     */
    private Optional<Duty> control(Set<Duty> held) {
        if (held.isEmpty() || bootstrapping()) {
            return Optional.empty();
        }
        return Optional.of(Duty.approverFor(held)
                .orElseThrow(() -> ProblemException.conflict("request-no-approver")));
    }

    /**
     * Until some enabled account holds the security or the audit duty nobody could approve anything, so
     * the system administrator sets up the first ones directly (marked {@code bootstrap} in the trail).
     * Getting back to that state takes approved disables of every security and audit administrator.
     */
    private boolean bootstrapping() {
        List<String> approvingDuties = java.util.Arrays.stream(Permission.values())
                .filter(p -> p.duty() == Duty.SECURITY || p.duty() == Duty.AUDIT).map(Permission::code).toList();
        return !users.anyEnabledHolderOf(approvingDuties);
    }

    private List<FieldChange> bootstrapMark(Set<Duty> held) {
        return held.isEmpty() ? List.of() : List.of(FieldChange.set("control", "bootstrap"));
    }

    private AccountChange propose(AccountRequest.Kind kind, String target, AccountRequest.AccountDetails details,
                                  Duty approver, boolean splitPassword, String actor) {
        if (requests.pendingFor(target)) {
            throw ProblemException.conflict("request-pending", target);
        }
        AccountRequest request = requests.add(AccountRequest.propose(kind, target, details, approver, splitPassword,
                User.normalize(actor), clock.instant()));
        List<FieldChange> changes = new ArrayList<>(List.of(
                FieldChange.set("request", request.id()),
                FieldChange.set("kind", kind.name()),
                FieldChange.set("approvingDuty", approver.name())));
        if (!details.roles().isEmpty() || kind == AccountRequest.Kind.ASSIGN_ROLES) {
            changes.add(FieldChange.set("roles", String.join(",", details.roles())));
        }
        if (splitPassword) {
            changes.add(FieldChange.secret("passwordPart"));
        }
        events.publishEvent(IdentityAudit.ofUser("account-request.propose", target, changes));
        return AccountChange.proposed(request);
    }

    private Set<Duty> dutiesOf(User user) {
        return Duty.of(roles.permissionsOf(user.roles()));
    }

    private static Set<Duty> union(Set<Duty> a, Set<Duty> b) {
        Set<Duty> all = java.util.EnumSet.noneOf(Duty.class);
        all.addAll(a);
        all.addAll(b);
        return all;
    }

    /**
     * The person changes their own password, proving they know the current one. Wrong guesses count
     * toward the lockout like failed logins (and are kept although the change is refused); every
     * bearer token issued before the change stops working.
     */
    @Transactional(noRollbackFor = ProblemException.class)
    void changeOwnPassword(String username, String currentPassword, String newPassword) {
        User user = require(username);
        Instant attemptedAt = clock.instant();
        if (user.isLocked(attemptedAt)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "account-locked");
        }
        if (currentPassword == null || !encoder.matches(currentPassword, user.passwordHash())) {
            user.loginFailed(attemptedAt, LockoutPolicy.from(settings.current()));
            users.save(user);
            throw ProblemException.invalid("current-password-wrong");
        }
        requireAcceptable(user.username(), newPassword);
        int history = settings.current().passwordHistorySize();
        List<String> recent = new ArrayList<>(users.recentPasswordHashes(user.id(), history));
        recent.add(user.passwordHash());
        if (recent.stream().anyMatch(hash -> encoder.matches(newPassword, hash))) {
            throw ProblemException.invalid("password-reused", history);
        }
        Instant now = clock.instant();
        user.changePassword(encoder.encode(newPassword), now, false);
        users.save(user);
        users.rememberPassword(user.id(), user.passwordHash(), now);
        tokens.revokeAll(user.id());
        events.publishEvent(IdentityAudit.ofUser("user.password.change", user.username(),
                List.of(FieldChange.secret("password"))));
    }

    private void requireAcceptable(String username, String password) {
        List<String> violations = PasswordPolicy.from(settings.current()).violations(username, password);
        if (!violations.isEmpty()) {
            PasswordPolicy policy = PasswordPolicy.from(settings.current());
            throw new ProblemException(HttpStatus.BAD_REQUEST, "password-policy", violations,
                    policy.minLength(), policy.minCharacterClasses());
        }
    }

    private void requireFree(String username) {
        if (users.exists(username)) {
            throw ProblemException.conflict("username-taken", username);
        }
    }

    /**
     * The permissions {@code roleCodes} give an account, once they are known roles that keep the duties apart:
     * the one check every way of creating an account or changing its roles goes through (a form, an approved
     * request re-checked on approval, the platform's own accounts).
     */
    private Set<String> permissionsAllowed(Set<String> roleCodes, String username) {
        requireRolesExist(roleCodes);
        Set<String> permissions = roles.permissionsOf(roleCodes);
        Duty.requireSeparated(permissions, "separated-duties", username);
        return permissions;
    }

    private void requireRolesExist(Set<String> roleCodes) {
        for (String code : roleCodes) {
            if (!roles.exists(code)) {
                throw ProblemException.invalid("unknown-role", code);
            }
        }
    }

    private User require(String username) {
        return users.findByUsername(username).orElseThrow(() -> ProblemException.notFound("user", username));
    }

    record NewAccount(String username, String generatedPassword) {
    }

    /**
     * What became of a person's account change: done at once (with a generated password to show once,
     * if any), or proposed to another duty ({@code proposal}, whose {@code passwordPart} is the proposer's
     * half of the future temporary password).
     */
    record AccountChange(String username, String temporaryPassword, AccountRequest proposal) {
        static AccountChange done(String username, String temporaryPassword) {
            return new AccountChange(username, temporaryPassword, null);
        }

        static AccountChange proposed(AccountRequest request) {
            return new AccountChange(request.target(), null, request);
        }

        boolean isProposed() {
            return proposal != null;
        }
    }
}
