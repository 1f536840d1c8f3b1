package org.medops.portal;

import org.medops.identity.DeveloperAccounts;
import org.medops.shared.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;

/** The one rule of every developer page and call: the channel is the caller's own, never a parameter. */
final class Developers {

    private Developers() {
    }

    static String channelOf(Authentication who) {
        return DeveloperAccounts.channelOf(who)
                .orElseThrow(() -> new ProblemException(HttpStatus.FORBIDDEN, "not-a-developer"));
    }
}
