package org.medops.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

import org.medops.shared.AuditableEvent.Outcome;
import org.medops.shared.FieldChange;
import org.medops.shared.ProblemException;
import org.medops.shared.Secrets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Two-factor sign-in with TOTP: who must enrol, enrolment and its confirmation, checking a code (or a recovery
 * code) at sign-in, and the security administrator's reset. Enforcement is a property, on by default; the test
 * configuration and the demo turn it off so that their administrators sign in with a password, while an account
 * that did enrol needs its code everywhere.
 */
@Service
class TwoFactor {

    /** The only authority of an account that must enrol and has not: it opens the enrolment and nothing else. */
    static final String ENROL_ONLY = "identity:totp:enrol-only";
    private static final int RECOVERY_CODES = 10;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

    private final TotpEnrolments enrolments;
    private final Users users;
    private final Secrets secrets;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ApiTokens tokens;
    private final boolean enforce;
    private final String issuer;

    TwoFactor(TotpEnrolments enrolments, Users users, Secrets secrets, ApplicationEventPublisher events, Clock clock,
              ApiTokens tokens, @Value("${medops.identity.two-factor.enforce:#{!${medops.demo:false}}}") boolean enforce,
              @Value("${medops.identity.two-factor.issuer:MedOps}") String issuer) {
        this.enrolments = enrolments;
        this.users = users;
        this.secrets = secrets;
        this.events = events;
        this.clock = clock;
        this.tokens = tokens;
        this.enforce = enforce;
        this.issuer = issuer;
    }

    boolean enforced() {
        return enforce;
    }

    /** The three separated administrators and the security committee must use a second factor. */
    static boolean required(Set<String> permissions) {
        return !Duty.of(permissions).isEmpty() || permissions.contains(Permission.DATA_ACCESS_APPROVE.code());
    }

    enum Status { ENROLLED, MUST_ENROL, OPTIONAL }

    Status statusOf(User user) {
        if (enrolments.confirmed(user.id())) {
            return Status.ENROLLED;
        }
        return enforce && required(users.permissionsOf(user.username())) ? Status.MUST_ENROL : Status.OPTIONAL;
    }

    boolean enrolled(long userId) {
        return enrolments.confirmed(userId);
    }

    int unusedRecoveryCodes(long userId) {
        return enrolments.unusedRecoveryCodes(userId);
    }

    /** What the person copies into the authenticator app, shown once; the codes are kept only as hashes. */
    record Enrolment(String secret, String otpauthUri, List<String> recoveryCodes) {
        @Override
        public String toString() {
            return "Enrolment[******]";
        }
    }

    /** Starts (or restarts, before it is confirmed) an enrolment; a confirmed one must be reset first. */
    @Transactional
    Enrolment begin(CurrentUser me) {
        if (enrolments.confirmed(me.id())) {
            throw ProblemException.conflict("totp-already-enabled", me.username());
        }
        String secret = Totp.newSecret();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            codes.add(recoveryCode());
        }
        enrolments.begin(me.id(), secrets.seal(secret), codes.stream().map(TwoFactor::hashRecovery).toList(),
                clock.instant());
        events.publishEvent(IdentityAudit.ofUser("user.totp.begin", me.username(), List.of(FieldChange.secret("totp"))));
        return new Enrolment(secret, Totp.uri(issuer, me.username(), secret), List.copyOf(codes));
    }

    /** The first code from the app turns the second factor on; tokens that could only enrol end. */
    @Transactional(noRollbackFor = ProblemException.class) // a wrong code's audit record stays
    void confirm(CurrentUser me, String code) {
        TotpEnrolments.Enrolment enrolment = enrolments.find(me.id())
                .orElseThrow(() -> ProblemException.conflict("totp-not-started", me.username()));
        if (enrolment.confirmed()) {
            throw ProblemException.conflict("totp-already-enabled", me.username());
        }
        if (check(enrolment, code, false) != Check.OK) {
            events.publishEvent(new IdentityAudit("user.totp.enable", "user", me.username(), Outcome.FAILURE,
                    List.of(FieldChange.set("reason", "totp-invalid")), null));
            throw new ProblemException(HttpStatus.BAD_REQUEST, "totp-invalid");
        }
        enrolments.confirm(me.id(), clock.instant());
        tokens.revokeEnrolOnly(me.id());
        events.publishEvent(IdentityAudit.ofUser("user.totp.enable", me.username(),
                List.of(FieldChange.of("totp", false, true))));
    }

    enum Check { OK, INVALID, REUSED }

    /** A six-digit code from the app, or one of the recovery codes (each works once). */
    Check verify(long userId, String code) {
        return enrolments.find(userId).filter(TotpEnrolments.Enrolment::confirmed)
                .map(enrolment -> check(enrolment, code, true)).orElse(Check.INVALID);
    }

    private Check check(TotpEnrolments.Enrolment enrolment, String code, boolean recoveryAllowed) {
        String given = code == null ? "" : code.replace(" ", "").trim();
        if (given.matches("\\d{" + Totp.DIGITS + "}")) {
            OptionalLong step = Totp.matchingStep(secrets.open(enrolment.sealedSecret()), given, clock.instant());
            if (step.isEmpty()) {
                return Check.INVALID;
            }
            return enrolments.useStep(enrolment.userId(), step.getAsLong()) ? Check.OK : Check.REUSED;
        }
        if (recoveryAllowed && !given.isEmpty()
                && enrolments.useRecoveryCode(enrolment.userId(), hashRecovery(given), clock.instant())) {
            return Check.OK;
        }
        return Check.INVALID;
    }

    /** The security administrator's reset: the account enrols again at its next sign-in. */
    @Transactional
    void reset(String username) {
        User user = users.findByUsername(username).orElseThrow(() -> ProblemException.notFound("user", username));
        if (!enrolments.remove(user.id())) {
            throw ProblemException.conflict("totp-not-enabled", user.username());
        }
        tokens.revokeAll(user.id());
        events.publishEvent(IdentityAudit.ofUser("user.totp.reset", user.username(),
                List.of(FieldChange.of("totp", true, false))));
    }

    Instant now() {
        return clock.instant();
    }

    private static String recoveryCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            if (i == 5) {
                code.append('-');
            }
            code.append(RECOVERY_ALPHABET.charAt(RANDOM.nextInt(RECOVERY_ALPHABET.length())));
        }
        return code.toString();
    }

    private static String hashRecovery(String code) {
        return ApiTokens.hash(code.trim().toLowerCase());
    }
}
