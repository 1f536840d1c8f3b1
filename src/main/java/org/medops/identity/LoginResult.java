package org.medops.identity;

import java.util.Set;

/** The outcome of checking a username and password; failures all look alike to the caller. */
sealed interface LoginResult {

    record Success(CurrentUser user, Set<String> permissions) implements LoginResult {
    }

    /** {@code reason} goes to the audit trail only, never to the person signing in. */
    record Failure(String reason) implements LoginResult {
    }
}
