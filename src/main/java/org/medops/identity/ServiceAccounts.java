package org.medops.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.medops.shared.FieldChange;
import org.medops.shared.ProblemException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Service accounts for scripts and other systems, and their API keys: scripts never use a person's (let alone an
 * administrator's) password. A key's scopes are permission codes of the general duty only, so no key ever carries
 * a separated administrator's right; a key lives at most a year.
 */
@Service
class ServiceAccounts {

    static final Duration LONGEST = Duration.ofDays(366);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Users users;
    private final ApiKeys keys;
    private final PasswordEncoder encoder;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ServiceAccounts(Users users, ApiKeys keys, PasswordEncoder encoder, ApplicationEventPublisher events, Clock clock) {
        this.users = users;
        this.keys = keys;
        this.encoder = encoder;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    User create(String username, String displayName) {
        if (users.exists(username)) {
            throw ProblemException.conflict("username-taken", username);
        }
        byte[] unusable = new byte[32];
        RANDOM.nextBytes(unusable); // a password nobody knows: the account signs in with keys only
        User account = users.save(User.service(username, displayName,
                encoder.encode(Base64.getEncoder().encodeToString(unusable)), clock.instant()));
        events.publishEvent(IdentityAudit.ofUser("service-account.create", account.username(),
                List.of(FieldChange.set("displayName", displayName))));
        return account;
    }

    Instant now() {
        return clock.instant();
    }

    List<User> list() {
        return users.serviceAccounts();
    }

    User account(String username) {
        return users.findByUsername(username).filter(User::serviceAccount)
                .orElseThrow(() -> ProblemException.notFound("service-account", username));
    }

    @Transactional
    ApiKeys.Issued issue(String username, String name, Set<String> scopes, Instant expiresAt, String by) {
        User account = account(username);
        for (String scope : scopes) {
            Permission permission = Permission.of(scope).orElseThrow(() -> ProblemException.invalid("scope-unknown", scope));
            if (permission.duty().separated()) {
                throw ProblemException.invalid("scope-separated-duty", scope);
            }
        }
        Instant now = clock.instant();
        if (!expiresAt.isAfter(now) || expiresAt.isAfter(now.plus(LONGEST))) {
            throw ProblemException.invalid("key-expiry-out-of-range");
        }
        ApiKeys.Issued issued = keys.issue(account.id(), name, new TreeSet<>(scopes), expiresAt, by);
        events.publishEvent(new IdentityAudit("api-key.issue", "user", account.username(),
                org.medops.shared.AuditableEvent.Outcome.SUCCESS, List.of(FieldChange.set("key", issued.id()),
                FieldChange.set("name", name), FieldChange.set("scopes", String.join(",", new TreeSet<>(scopes))),
                FieldChange.set("expiresAt", expiresAt), FieldChange.secret("apiKey")), null));
        return issued;
    }

    List<ApiKeys.Key> keysOf(String username) {
        return keys.of(account(username).id());
    }

    @Transactional
    void revoke(String username, long keyId, String by) {
        User account = account(username);
        ApiKeys.Key key = keys.find(keyId).filter(k -> k.account().equals(account.username()))
                .orElseThrow(() -> ProblemException.notFound("api-key", keyId));
        if (!keys.revoke(key.id(), by)) {
            throw ProblemException.conflict("key-revoked-already", keyId);
        }
        events.publishEvent(IdentityAudit.ofUser("api-key.revoke", account.username(),
                List.of(FieldChange.set("key", keyId), FieldChange.set("name", key.name()))));
    }
}
