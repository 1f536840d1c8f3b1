package org.medops.identity;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.medops.shared.ConsoleActions;

/** The user page's buttons for the remote vendor flag (system duty) and the second factor's reset (security duty). */
@Controller
class AccountFlagsController {

    private final RemoteVendors vendors;
    private final TwoFactor twoFactor;

    AccountFlagsController(RemoteVendors vendors, TwoFactor twoFactor) {
        this.vendors = vendors;
        this.twoFactor = twoFactor;
    }

    @CanManageUsers
    @PostMapping("/users/{username}/remote-vendor")
    String remoteVendor(@PathVariable String username, @RequestParam(defaultValue = "false") boolean on,
                        RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "users.remoteVendorSaved", () -> vendors.mark(username, on));
        return "redirect:/users/" + username;
    }

    @CanResetTwoFactor
    @PostMapping("/users/{username}/totp-reset")
    String resetTotp(@PathVariable String username, RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "users.totpReset", () -> twoFactor.reset(username));
        return "redirect:/users/" + username;
    }
}
