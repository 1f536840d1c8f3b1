package org.medops.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.medops.settings.Settings;
import org.medops.shared.AuditableEvent;
import org.medops.shared.FieldChange;
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
    private final ApiTokens tokens;
    private final PasswordEncoder encoder;
    private final Settings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Accounts(Users users, Roles roles, ApiTokens tokens, PasswordEncoder encoder, Settings settings,
             ApplicationEventPublisher events, Clock clock) {
        this.users = users;
        this.roles = roles;
        this.tokens = tokens;
        this.encoder = encoder;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Creates an account. Without a password one is generated; either way it is temporary unless
     * {@code permanent}, so the person must choose their own at first login.
     */
    @Transactional
    NewAccount create(NewUser request, boolean permanent) {
        String username = User.normalize(request.username());
        if (users.exists(username)) {
            throw ProblemException.conflict("username-taken", username);
        }
        Set<String> roleCodes = Set.copyOf(request.roles());
        requireRolesExist(roleCodes);
        String password = request.password() == null || request.password().isBlank()
                ? TemporaryPassword.generate() : request.password();
        requireAcceptable(username, password);
        Instant now = clock.instant();
        User user = users.save(User.create(username, request.displayName(), blankToNull(request.email()),
                encoder.encode(password), !permanent, roleCodes, now));
        users.rememberPassword(user.id(), user.passwordHash(), now);
        events.publishEvent(IdentityAudit.ofUser("user.create", username, List.of(
                FieldChange.set("displayName", user.displayName()),
                FieldChange.set("email", user.email()),
                FieldChange.set("roles", String.join(",", user.roles())),
                FieldChange.secret("password"))));
        boolean generated = request.password() == null || request.password().isBlank();
        return new NewAccount(user.username(), generated ? password : null);
    }

    /** A developer account bound to {@code channelCode}; returns the generated temporary password. */
    @Transactional
    String createDeveloper(String channelCode, NewUser request) {
        String username = User.normalize(request.username());
        if (users.exists(username)) {
            throw ProblemException.conflict("username-taken", username);
        }
        String password = TemporaryPassword.generate();
        Instant now = clock.instant();
        User user = users.save(User.create(username, request.displayName(), blankToNull(request.email()),
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
        if (users.exists(username)) {
            throw ProblemException.conflict("username-taken", username);
        }
        requireAcceptable(username, request.password());
        Instant now = clock.instant();
        User user = users.save(User.registered(username, request.displayName(), blankToNull(request.email()),
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
                FieldChange.of("email", user.email(), blankToNull(email)));
        user.rename(displayName, blankToNull(email));
        users.save(user);
        events.publishEvent(IdentityAudit.ofUser("user.update", user.username(), changes));
    }

    @Transactional
    void assignRoles(String username, Set<String> roleCodes, String actor) {
        User user = require(username);
        if (user.username().equals(User.normalize(actor))) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "own-roles");
        }
        requireRolesExist(roleCodes);
        String before = String.join(",", user.roles());
        user.assignRoles(roleCodes);
        users.save(user);
        events.publishEvent(IdentityAudit.ofUser("user.roles", user.username(),
                List.of(FieldChange.of("roles", before, String.join(",", user.roles())))));
    }

    @Transactional
    void setEnabled(String username, boolean enabled, String actor) {
        User user = require(username);
        if (!enabled && user.username().equals(User.normalize(actor))) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "disable-self");
        }
        boolean before = user.enabled();
        if (enabled) {
            user.enable();
        } else {
            user.disable();
            tokens.revokeAll(user.id());
        }
        users.save(user);
        events.publishEvent(IdentityAudit.ofUser(enabled ? "user.enable" : "user.disable", user.username(),
                List.of(FieldChange.of("enabled", before, enabled))));
    }

    @Transactional
    void unlock(String username) {
        User user = require(username);
        user.unlock();
        users.save(user);
        events.publishEvent(IdentityAudit.ofUser("user.unlock", user.username(), List.of()));
    }

    /** An administrator resets a password: a new temporary one, shown once. */
    @Transactional
    String resetPassword(String username) {
        User user = require(username);
        String password = TemporaryPassword.generate();
        Instant now = clock.instant();
        user.changePassword(encoder.encode(password), now, true);
        user.unlock();
        users.save(user);
        users.rememberPassword(user.id(), user.passwordHash(), now);
        tokens.revokeAll(user.id());
        events.publishEvent(IdentityAudit.ofUser("user.password.reset", user.username(),
                List.of(FieldChange.secret("password"))));
        return password;
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

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    record NewAccount(String username, String generatedPassword) {
    }
}
