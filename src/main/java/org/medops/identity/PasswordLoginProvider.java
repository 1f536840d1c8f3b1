package org.medops.identity;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** The login form's provider. Every failure is the same "bad credentials" to the outside. */
@Component
class PasswordLoginProvider implements AuthenticationProvider {

    private final PasswordLogin login;

    PasswordLoginProvider(PasswordLogin login) {
        this.login = login;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String password = authentication.getCredentials() == null ? null : authentication.getCredentials().toString();
        LoginResult result = login.attempt(authentication.getName(), password, "login");
        if (result instanceof LoginResult.Success success) {
            return SignedIn.authentication(success.user(), success.permissions());
        }
        if (result instanceof LoginResult.Failure failure && failure.toldToThePerson()) {
            throw new NotApproved(failure.reason());
        }
        if (result instanceof LoginResult.Failure failure && LoginResult.TOTP_REQUIRED.equals(failure.reason())) {
            throw new SecondFactorRequired(User.normalize(authentication.getName()));
        }
        throw new BadCredentialsException("bad credentials");
    }

    /** The password was right and the account has a second factor: the login page asks for the code next. */
    static final class SecondFactorRequired extends org.springframework.security.core.AuthenticationException {
        private final String username;

        SecondFactorRequired(String username) {
            super(LoginResult.TOTP_REQUIRED);
            this.username = username;
        }

        String username() {
            return username;
        }
    }

    /** The password was right, the account is not approved: the login page says so. */
    static final class NotApproved extends org.springframework.security.authentication.AccountStatusException {
        private final String reason;

        NotApproved(String reason) {
            super(reason);
            this.reason = reason;
        }

        String reason() {
            return reason;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
