package org.medops.integration.interop;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.medops.opsdesk.OpsdeskSystems;
import org.medops.shared.AuditableEvent;
import org.medops.shared.FieldChange;
import org.medops.shared.ProblemException;
import org.medops.shared.Secrets;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may call the interop port: each registered system gets one credential (username = the system's code, a
 * random password shown once when issued, kept sealed with {@link Secrets} because a WS-Security
 * {@code PasswordDigest} can only be checked against the password itself). A caller presents it as a WS-Security
 * {@code UsernameToken} in the SOAP header — {@code PasswordDigest} (Base64(SHA-1(nonce + created + password)),
 * created within 5 minutes, each nonce once) is safe on the plain port; {@code PasswordText} — or as HTTP Basic;
 * those two carry the password readable and belong behind TLS. A refusal has a stable code and is audited.
 */
@Service
public class SystemCredentials {

    static final Duration FRESH = Duration.ofMinutes(5);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A credential as it is shown: never its password. */
    public record View(String system, String username, Instant issuedAt, String issuedBy, Instant lastUsedAt) {
    }

    /** A credential just issued: the only time its password is shown. */
    public record Issued(String system, String username, String password) {
    }

    /** What a caller presented. */
    sealed interface Presented permits Basic, Token {
        String username();
    }

    record Basic(String username, String password) implements Presented {
    }

    /** A WS-Security UsernameToken: {@code digest} when its password is a PasswordDigest. */
    record Token(String username, String password, boolean digest, String nonce, String created) implements Presented {
    }

    /** Accepted ({@code system} set) or refused with a stable code. */
    record Verdict(String system, String code) {

        static Verdict refused(String code) {
            return new Verdict(null, code);
        }

        boolean accepted() {
            return system != null;
        }
    }

    private final CredentialStore store;
    private final OpsdeskSystems systems;
    private final Secrets secrets;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Map<String, Instant> nonces = new ConcurrentHashMap<>();

    SystemCredentials(CredentialStore store, OpsdeskSystems systems, Secrets secrets, ApplicationEventPublisher events,
                      Clock clock) {
        this.store = store;
        this.systems = systems;
        this.secrets = secrets;
        this.events = events;
        this.clock = clock;
    }

    public List<View> all() {
        return store.all().stream().map(SystemCredentials::view).toList();
    }

    public Optional<View> of(String system) {
        return store.bySystem(system).map(SystemCredentials::view);
    }

    /** Issues (or re-issues, replacing the old one at once) the system's credential; the password is in the answer only. */
    @Transactional
    public Issued issue(String system, String actor) {
        if (system == null || system.isBlank()) {
            throw ProblemException.invalid("integration-interop-credential-system");
        }
        systems.requireActive(system);
        byte[] random = new byte[24];
        RANDOM.nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        boolean again = store.bySystem(system).isPresent();
        store.put(system, system, secrets.seal(password), clock.instant(), actor);
        events.publishEvent(new CredentialAction(again ? "integration.interop.credential.reissue"
                : "integration.interop.credential.issue", system, AuditableEvent.Outcome.SUCCESS,
                List.of(FieldChange.set("username", system), FieldChange.secret("password")), null));
        return new Issued(system, system, password);
    }

    @Transactional
    public void revoke(String system, String actor) {
        if (!store.remove(system)) {
            throw ProblemException.notFound("integration-system-credential", system);
        }
        events.publishEvent(new CredentialAction("integration.interop.credential.revoke", system,
                AuditableEvent.Outcome.SUCCESS, List.of(FieldChange.of("username", system, null)), null));
    }

    /** Checks what a caller presented ({@code null}: nothing); a refusal is audited with the caller's address. */
    Verdict check(Presented presented, String remote, String what) {
        Verdict verdict = verdict(presented);
        if (verdict.accepted()) {
            store.used(verdict.system(), clock.instant());
        } else {
            String username = presented == null || presented.username() == null ? "anonymous" : clip(presented.username());
            events.publishEvent(new CredentialAction("integration.interop.auth.refused", username,
                    AuditableEvent.Outcome.DENIED, List.of(FieldChange.set("reason", verdict.code()),
                    FieldChange.set("remote", remote), FieldChange.set("service", what)), "interop:" + username));
        }
        return verdict;
    }

    private Verdict verdict(Presented presented) {
        if (presented == null || presented.username() == null || presented.username().isBlank()) {
            return Verdict.refused("interop-auth-missing");
        }
        Optional<CredentialStore.Stored> stored = store.byUsername(presented.username());
        if (stored.isEmpty()) {
            return Verdict.refused("interop-auth-unknown");
        }
        String password = secrets.open(stored.get().secret());
        boolean right;
        if (presented instanceof Token token && token.digest()) {
            Instant created;
            try {
                created = OffsetDateTime.parse(token.created()).toInstant();
            } catch (DateTimeParseException | NullPointerException e) {
                return Verdict.refused("interop-auth-stale");
            }
            Instant now = clock.instant();
            if (token.nonce() == null || token.nonce().isBlank() || Duration.between(created, now).abs().compareTo(FRESH) > 0) {
                return Verdict.refused("interop-auth-stale");
            }
            byte[] nonce;
            try {
                nonce = Base64.getDecoder().decode(token.nonce().strip());
            } catch (IllegalArgumentException e) {
                return Verdict.refused("interop-auth-wrong");
            }
            right = same(digest(nonce, token.created(), password), token.password());
            if (right && nonces.putIfAbsent(presented.username() + "/" + token.nonce(), now) != null) {
                return Verdict.refused("interop-auth-stale");
            }
            nonces.values().removeIf(seen -> seen.isBefore(now.minus(FRESH.multipliedBy(2))));
        } else {
            String given = presented instanceof Token token ? token.password() : ((Basic) presented).password();
            right = same(password, given);
        }
        return right ? new Verdict(stored.get().systemCode(), null) : Verdict.refused("interop-auth-wrong");
    }

    /** WS-Security UsernameToken Profile 1.0: Base64(SHA-1(nonce + created + password)). */
    static String digest(byte[] nonce, String created, String password) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(nonce);
            sha1.update(created.getBytes(StandardCharsets.UTF_8));
            sha1.update(password.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(sha1.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean same(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.strip().getBytes(StandardCharsets.UTF_8));
    }

    private static View view(CredentialStore.Stored s) {
        return new View(s.systemCode(), s.username(), s.issuedAt(), s.issuedBy(), s.lastUsedAt());
    }

    private static String clip(String text) {
        return text.length() > 64 ? text.substring(0, 64) : text;
    }
}
