package org.medops.identity;

import java.util.Set;

/** The outcome of checking a username and password; failures all look alike to the caller. */
sealed interface LoginResult {

    /** The two failures told to the person: their password was right, but the account is not approved. */
    String PENDING_APPROVAL = "pending-approval";
    String REGISTRATION_REFUSED = "registration-refused";
    /** The password was right; the account's second factor is missing ({@code totp-required}) or wrong. */
    String TOTP_REQUIRED = "totp-required";
    String TOTP_INVALID = "totp-invalid";

    /** {@code permissions} is only {@link TwoFactor#ENROL_ONLY} for an account that must enrol first. */
    record Success(CurrentUser user, Set<String> permissions) implements LoginResult {
        boolean enrolOnly() {
            return permissions.contains(TwoFactor.ENROL_ONLY);
        }
    }

    /** {@code reason} goes to the audit trail only, never to the person signing in. */
    record Failure(String reason) implements LoginResult {
        boolean toldToThePerson() {
            return PENDING_APPROVAL.equals(reason) || REGISTRATION_REFUSED.equals(reason);
        }
    }
}
