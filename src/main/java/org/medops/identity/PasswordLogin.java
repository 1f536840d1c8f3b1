package org.medops.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

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

    PasswordLogin(Users users, PasswordEncoder encoder, Settings settings, ApplicationEventPublisher events,
                  Clock clock) {
        this.users = users;
        this.encoder = encoder;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
        this.decoyHash = encoder.encode("decoy-password-that-matches-nothing");
    }

    @Transactional
    LoginResult attempt(String username, String password, String action) {
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
        user.loginSucceeded(now);
        users.save(user);
        events.publishEvent(IdentityAudit.login(action, name, Outcome.SUCCESS, null));
        return new LoginResult.Success(
                new CurrentUser(user.id(), user.username(), user.displayName(), user.mustChangePassword(),
                        user.channelCode()),
                users.permissionsOf(name));
    }

    private LoginResult fail(String action, String name, String reason) {
        events.publishEvent(IdentityAudit.login(action, name == null || name.isEmpty() ? "-" : name,
                Outcome.FAILURE, reason));
        return new LoginResult.Failure(reason);
    }
}
