package org.medops.portal.registration;

import org.medops.catalog.Catalog;
import org.medops.shared.ConsoleActions;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 开发者注册审核: administrators bind each registered developer to a channel, or turn them down. */
@Controller
class RegistrationReviewController {

    private final Registrations registrations;
    private final Catalog catalog;

    RegistrationReviewController(Registrations registrations, Catalog catalog) {
        this.registrations = registrations;
        this.catalog = catalog;
    }

    @GetMapping("/access/developers")
    @CanApproveRegistrations
    String queue(@RequestParam(required = false) String status, Model model) {
        model.addAttribute("status", status);
        model.addAttribute("registrations", registrations.list(status));
        model.addAttribute("channels", catalog.channelCodes());
        return "portal/registrations";
    }

    @PostMapping("/access/developers/{id}/approve")
    @CanApproveRegistrations
    String approve(@PathVariable long id, @RequestParam(required = false) String channelCode,
                   @RequestParam(defaultValue = "false") boolean owner, Authentication who, RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "registration.approved",
                () -> registrations.approve(id, channelCode, owner, who.getName()));
        return "redirect:/access/developers";
    }

    @PostMapping("/access/developers/{id}/reject")
    @CanApproveRegistrations
    String reject(@PathVariable long id, @RequestParam(required = false) String reason, Authentication who,
                  RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "registration.rejected", () -> registrations.reject(id, reason, who.getName()));
        return "redirect:/access/developers";
    }
}
