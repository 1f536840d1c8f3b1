package org.medops.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.medops.settings.Settings;
import org.medops.shared.AuditableEvent.Outcome;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks a username and password for the login form and the token endpoint alike: lockout,
 * attempt counting and the audit record happen here, once.
 */
@Service
class PasswordLogin {

    /** Compared against when the user does not exist, so both paths cost one BCrypt check. */
    private final String decoyHash;

    private final Users users;
    private final PasswordEncoder encoder;
    private final Settings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TwoFactor twoFactor;

    PasswordLogin(Users users, PasswordEncoder encoder, Settings settings, ApplicationEventPublisher events,
                  Clock clock, TwoFactor twoFactor) {
        this.twoFactor = twoFactor;
        this.users = users;
        this.encoder = encoder;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
        this.decoyHash = encoder.encode("decoy-password-that-matches-nothing");
    }

    /** The password step alone: an account with a second factor gets {@code totp-required}. */
    @Transactional
    LoginResult attempt(String username, String password, String action) {
        return attempt(username, password, null, action);
    }

    /**
     * Password and, when the account has enrolled, its TOTP code (or a recovery code) in one call, as the token
     * endpoint takes them. A wrong code counts towards the lockout like a wrong password.
     */
    @Transactional
    LoginResult attempt(String username, String password, String totp, String action) {
        Instant now = clock.instant();
        String name = User.normalize(username);
        Optional<User> found = name == null || name.isEmpty() ? Optional.empty() : users.findByUsernameForUpdate(name);
        if (found.isEmpty()) {
            encoder.matches(password == null ? "" : password, decoyHash);
            return fail(action, name, "unknown-user");
        }
        User user = found.get();
        if (user.isLocked(now)) {
            encoder.matches(password == null ? "" : password, decoyHash);
            return fail(action, name, "locked");
        }
        if (password == null || !encoder.matches(password, user.passwordHash())) {
            boolean locked = user.loginFailed(now, LockoutPolicy.from(settings.current()));
            users.save(user);
            if (locked) {
                events.publishEvent(IdentityAudit.login("user.lock", name, Outcome.SUCCESS, "too-many-failures"));
            }
            return fail(action, name, "bad-password");
        }
        // Only someone who knows the password learns that the registration is still under review.
        if (user.awaitingApproval()) {
            return fail(action, name, LoginResult.PENDING_APPROVAL);
        }
        if (user.registrationRefused()) {
            return fail(action, name, LoginResult.REGISTRATION_REFUSED);
        }
        if (!user.enabled()) {
            return fail(action, name, "disabled");
        }
        if (user.serviceAccount()) {
            return fail(action, name, "service-account");
        }
        TwoFactor.Status factor = twoFactor.statusOf(user);
        if (factor == TwoFactor.Status.ENROLLED) {
            if (totp == null || totp.isBlank()) {
                return fail(action, name, LoginResult.TOTP_REQUIRED);
            }
            return secondFactor(user, totp, action, now);
        }
        return succeed(user, action, now, factor == TwoFactor.Status.MUST_ENROL);
    }

    /** The console's second step, after {@link #attempt} answered {@code totp-required} for this account. */
    @Transactional
    LoginResult secondStep(String username, String totp, String action) {
        Instant now = clock.instant();
        Optional<User> found = users.findByUsernameForUpdate(username);
        if (found.isEmpty() || !found.get().enabled() || found.get().isLocked(now)) {
            return fail(action, username, "locked");
        }
        return secondFactor(found.get(), totp, action, now);
    }

    private LoginResult secondFactor(User user, String totp, String action, Instant now) {
        TwoFactor.Check check = twoFactor.verify(user.id(), totp);
        if (check != TwoFactor.Check.OK) {
            boolean locked = user.loginFailed(now, LockoutPolicy.from(settings.current()));
            users.save(user);
            if (locked) {
                events.publishEvent(IdentityAudit.login("user.lock", user.username(), Outcome.SUCCESS, "too-many-failures"));
            }
            return fail(action, user.username(), check == TwoFactor.Check.REUSED ? "totp-reused" : LoginResult.TOTP_INVALID);
        }
        return succeed(user, action, now, false);
    }

    private LoginResult succeed(User user, String action, Instant now, boolean enrolOnly) {
        String name = user.username();
        user.loginSucceeded(now);
        users.save(user);
        events.publishEvent(IdentityAudit.login(action, name, Outcome.SUCCESS, enrolOnly ? "totp-enrolment-required" : null));
        return new LoginResult.Success(
                new CurrentUser(user.id(), user.username(), user.displayName(), user.mustChangePassword(),
                        user.channelCode()),
                enrolOnly ? Set.of(TwoFactor.ENROL_ONLY) : users.permissionsOf(name));
    }

    private LoginResult fail(String action, String name, String reason) {
        events.publishEvent(IdentityAudit.login(action, name == null || name.isEmpty() ? "-" : name,
                Outcome.FAILURE, reason));
        return new LoginResult.Failure(reason);
    }
}
