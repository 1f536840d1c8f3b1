package org.medops.identity;

import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.medops.shared.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Scripts and other systems exchange a username and password for a bearer token. */
@RestController
class AuthApi {

    private final PasswordLogin login;
    private final ApiTokens tokens;
    private final Users users;

    AuthApi(PasswordLogin login, ApiTokens tokens, Users users) {
        this.users = users;
        this.login = login;
        this.tokens = tokens;
    }

    @PostMapping("/api/v1/auth/token")
    TokenResponse token(@Valid @RequestBody TokenRequest request) {
        LoginResult result = login.attempt(request.username(), request.password(), request.totp(), "token");
        if (result instanceof LoginResult.Success success) {
            ApiTokens.IssuedToken token = tokens.issue(success.user().id(), success.enrolOnly(),
                    users.superuser(success.user().username()));
            return new TokenResponse(token.token(), token.expiresAt(), success.user().mustChangePassword(),
                    success.enrolOnly());
        }
        if (result instanceof LoginResult.Failure failure && failure.toldToThePerson()) {
            throw new ProblemException(HttpStatus.FORBIDDEN, failure.reason());
        }
        if (result instanceof LoginResult.Failure failure && LoginResult.TOTP_REQUIRED.equals(failure.reason())) {
            throw new ProblemException(HttpStatus.UNAUTHORIZED, LoginResult.TOTP_REQUIRED);
        }
        if (result instanceof LoginResult.Failure failure && failure.reason().startsWith("totp-")) {
            throw new ProblemException(HttpStatus.UNAUTHORIZED, LoginResult.TOTP_INVALID);
        }
        throw new ProblemException(HttpStatus.UNAUTHORIZED, "bad-credentials");
    }

    /** {@code totp}: the authenticator's code (or a recovery code), required once the account has enrolled. */
    record TokenRequest(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 128) String password,
                        @Size(max = 16) String totp) {
        @Override
        public String toString() {
            return "TokenRequest[username=" + username + ", password=******, totp=******]";
        }
    }

    /** {@code totpEnrolmentRequired}: the token opens only {@code /api/v1/account/totp} until the enrolment is confirmed. */
    record TokenResponse(String token, Instant expiresAt, boolean passwordChangeRequired, boolean totpEnrolmentRequired) {
    }
}
