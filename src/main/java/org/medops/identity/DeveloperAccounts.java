package org.medops.identity;

import java.util.Optional;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Developer accounts for the developer center: each belongs to one channel, holds the DEVELOPER role
 * only, and starts with a temporary password. Other modules ask here which channel a caller may see.
 */
@Service
public class DeveloperAccounts {

    private final Accounts accounts;
    private final Users users;

    DeveloperAccounts(Accounts accounts, Users users) {
        this.accounts = accounts;
        this.users = users;
    }

    /** Creates the account; the temporary password is returned once, to be handed over safely. */
    @Transactional
    public String invite(String channelCode, String username, String displayName, String email) {
        return accounts.createDeveloper(channelCode, new NewUser(username, displayName, email, null,
                Set.of(BuiltInRole.DEVELOPER.name())));
    }

    /** The channel a signed-in developer belongs to; empty for everyone else. */
    public static Optional<String> channelOf(Authentication authentication) {
        return authentication != null && authentication.getPrincipal() instanceof CurrentUser user
                ? Optional.ofNullable(user.channelCode()) : Optional.empty();
    }

    public boolean exists(String username) {
        return users.exists(username);
    }
}
