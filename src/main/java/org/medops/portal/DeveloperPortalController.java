package org.medops.portal;

import java.time.Duration;

import org.medops.catalog.Catalog;
import org.medops.catalog.ServiceDefinition;
import org.medops.identity.DeveloperAccounts;
import org.medops.shared.ConsoleActions;
import org.medops.shared.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 开发者中心 for a channel's developer: their credentials, grants and applications, nothing else. */
@Controller
class DeveloperPortalController {

    private final Catalog catalog;
    private final AccessApplications applications;
    private final AccessReview review;

    DeveloperPortalController(Catalog catalog, AccessApplications applications, AccessReview review) {
        this.catalog = catalog;
        this.applications = applications;
        this.review = review;
    }

    @GetMapping("/portal")
    @PreAuthorize("hasAuthority('portal:developer')")
    String portal(Authentication who, Model model) {
        String channel = channelOf(who);
        model.addAttribute("channel", channel);
        model.addAttribute("appKey", catalog.appKeyOf(channel));
        model.addAttribute("grants", catalog.grantsOf(channel));
        model.addAttribute("applications", applications.ofChannel(channel));
        model.addAttribute("services", catalog.services().stream().filter(ServiceDefinition::online)
                .map(ServiceDefinition::code).toList());
        return "portal/developer";
    }

    @PostMapping("/portal/applications")
    @PreAuthorize("hasAuthority('portal:developer')")
    String apply(@RequestParam String serviceCode, @RequestParam String purpose,
                 @RequestParam(required = false) Long expectedDailyVolume, Authentication who,
                 RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "access.applied", () -> review.apply(
                new NewApplication(channelOf(who), serviceCode, purpose, expectedDailyVolume, null), who.getName()));
        return "redirect:/portal";
    }

    /** The new secret is shown once, on the page that follows; the old one keeps working for the overlap. */
    @PostMapping("/portal/secret/rotate")
    @PreAuthorize("hasAuthority('portal:developer')")
    String rotate(@RequestParam(defaultValue = "60") int overlapMinutes, Authentication who,
                  RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "catalog.channel.rotated", () -> redirect.addFlashAttribute("issuedSecret",
                catalog.rotateSecret(channelOf(who), Duration.ofMinutes(overlapMinutes))));
        return "redirect:/portal";
    }

    private static String channelOf(Authentication who) {
        return DeveloperAccounts.channelOf(who)
                .orElseThrow(() -> new ProblemException(HttpStatus.FORBIDDEN, "not-a-developer"));
    }
}
