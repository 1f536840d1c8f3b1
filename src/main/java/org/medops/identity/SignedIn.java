package org.medops.identity;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Builds and reads the authentication of a signed-in user; authorities are permission codes. */
final class SignedIn {

    private SignedIn() {
    }

    static Authentication authentication(CurrentUser user, Set<String> permissions) {
        List<GrantedAuthority> authorities = permissions.stream()
                .sorted().<GrantedAuthority>map(SimpleGrantedAuthority::new).toList();
        return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
    }

    static Authentication authentication(User user, Set<String> permissions) {
        return authentication(new CurrentUser(user.id(), user.username(), user.displayName(),
                user.mustChangePassword(), user.channelCode()), permissions);
    }

    /** The same authentication, minus the obligation to change the password. */
    static Authentication passwordChanged(Authentication current) {
        CurrentUser user = (CurrentUser) current.getPrincipal();
        Collection<? extends GrantedAuthority> authorities = current.getAuthorities();
        return UsernamePasswordAuthenticationToken.authenticated(
                new CurrentUser(user.id(), user.username(), user.displayName(), false, user.channelCode()), null, authorities);
    }

    static boolean mustChangePassword() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof CurrentUser user
                && user.mustChangePassword();
    }
}
