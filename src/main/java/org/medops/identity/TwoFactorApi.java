package org.medops.identity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** One's own second factor (open to every signed-in account, also one that may only enrol), and its reset. */
@RestController
class TwoFactorApi {

    private final TwoFactor twoFactor;

    TwoFactorApi(TwoFactor twoFactor) {
        this.twoFactor = twoFactor;
    }

    /** The secret, the otpauth URI and the recovery codes, shown this once. */
    @PreAuthorize("isAuthenticated()")
    @PostMapping("/api/v1/account/totp")
    @ResponseStatus(HttpStatus.CREATED)
    TwoFactor.Enrolment begin(@AuthenticationPrincipal CurrentUser me) {
        return twoFactor.begin(me);
    }

    @PreAuthorize("isAuthenticated()")
    @PostMapping("/api/v1/account/totp/confirm")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void confirm(@AuthenticationPrincipal CurrentUser me, @Valid @RequestBody Confirmation confirmation) {
        twoFactor.confirm(me, confirmation.code());
    }

    @CanResetTwoFactor
    @PostMapping("/api/v1/users/{username}/totp/reset")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void reset(@PathVariable String username) {
        twoFactor.reset(username);
    }

    record Confirmation(@NotBlank @Size(max = 16) String code) {
        @Override
        public String toString() {
            return "Confirmation[******]";
        }
    }
}
