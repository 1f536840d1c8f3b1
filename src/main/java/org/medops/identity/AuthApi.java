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

    AuthApi(PasswordLogin login, ApiTokens tokens) {
        this.login = login;
        this.tokens = tokens;
    }

    @PostMapping("/api/v1/auth/token")
    TokenResponse token(@Valid @RequestBody TokenRequest request) {
        LoginResult result = login.attempt(request.username(), request.password(), "token");
        if (result instanceof LoginResult.Success success) {
            ApiTokens.IssuedToken token = tokens.issue(success.user().id());
            return new TokenResponse(token.token(), token.expiresAt(), success.user().mustChangePassword());
        }
        if (result instanceof LoginResult.Failure failure && failure.toldToThePerson()) {
            throw new ProblemException(HttpStatus.FORBIDDEN, failure.reason());
        }
        throw new ProblemException(HttpStatus.UNAUTHORIZED, "bad-credentials");
    }

    record TokenRequest(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 128) String password) {
        @Override
        public String toString() {
            return "TokenRequest[username=" + username + ", password=******]";
        }
    }

    record TokenResponse(String token, Instant expiresAt, boolean passwordChangeRequired) {
    }
}
