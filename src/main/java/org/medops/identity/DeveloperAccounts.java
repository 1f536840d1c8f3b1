package org.medops.identity;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.medops.shared.ProblemException;
import org.springframework.http.HttpStatus;
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

    /**
     * A developer registers themselves with a password of their choosing; the account waits for an
     * administrator (see {@link #approve}) and cannot sign in before.
     */
    @Transactional
    public void register(String username, String displayName, String email, String password) {
        accounts.register(new NewUser(username, displayName, email, password, Set.of(BuiltInRole.DEVELOPER.name())));
    }

    @Transactional
    public void approve(String username, String channelCode) {
        accounts.approveRegistration(username, channelCode);
    }

    @Transactional
    public void refuse(String username) {
        accounts.refuseRegistration(username);
    }

    /** Who to tell: the person's name and e-mail address (null when unknown). */
    public Optional<Contact> contact(String username) {
        return users.findByUsername(username).map(u -> new Contact(u.username(), u.displayName(), u.email(), u.channelCode()));
    }

    /** Enabled people holding a permission, e.g. the reviewers to tell of a new application. */
    public List<Contact> holdersOf(String permission) {
        return users.holdersOf(permission).stream().map(u -> new Contact(u.username(), u.displayName(), u.email(), u.channelCode()))
                .toList();
    }

    /** @param channelCode the channel of a developer; null for staff */
    public record Contact(String username, String displayName, String email, String channelCode) {
    }

    /** The channel a signed-in developer belongs to; empty for everyone else. */
    public static Optional<String> channelOf(Authentication authentication) {
        return authentication != null && authentication.getPrincipal() instanceof CurrentUser user
                ? Optional.ofNullable(user.channelCode()) : Optional.empty();
    }

    /**
     * The one rule of every developer page and call: the channel is the caller's own, never a parameter;
     * a caller without one is refused (403 {@code not-a-developer}).
     */
    public static String ownChannel(Authentication authentication) {
        return channelOf(authentication)
                .orElseThrow(() -> new ProblemException(HttpStatus.FORBIDDEN, "not-a-developer"));
    }

    public boolean exists(String username) {
        return users.exists(username);
    }

    /** Signed in with a channel: a developer, who belongs in the portal, never in the console. */
    public static boolean isDeveloper(Authentication authentication) {
        return channelOf(authentication).isPresent();
    }
}
