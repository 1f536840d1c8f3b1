package org.medops.portal;

import java.time.Duration;

import org.medops.catalog.Catalog;
import org.medops.catalog.ServiceDoc;
import org.medops.shared.ConsoleActions;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 开发者中心 for a channel's developer: 概览/我的渠道 (credentials, grants with their quotas) and
 * 接入申请 (their channel's applications, applying for a published service). Nothing of other channels.
 */
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
        String channel = Developers.channelOf(who);
        model.addAttribute("channel", channel);
        model.addAttribute("appKey", catalog.appKeyOf(channel));
        model.addAttribute("grants", catalog.grantDetailsOf(channel));
        model.addAttribute("pending", applications.ofChannel(channel).stream()
                .filter(a -> a.status().equals(AccessApplication.SUBMITTED)).count());
        model.addAttribute("published", catalog.publishedServices().size());
        return "developer/overview";
    }

    @GetMapping("/portal/applications")
    @PreAuthorize("hasAuthority('portal:developer')")
    String applications(Authentication who, @RequestParam(required = false) String service, Model model) {
        String channel = Developers.channelOf(who);
        model.addAttribute("applications", applications.ofChannel(channel));
        model.addAttribute("services", catalog.publishedServices().stream().map(ServiceDoc.Published::service)
                .toList());
        model.addAttribute("selected", service);
        return "developer/applications";
    }

    /** Developers apply for published services only: what they cannot read about, they cannot ask for. */
    @PostMapping("/portal/applications")
    @PreAuthorize("hasAuthority('portal:developer')")
    String apply(@RequestParam String serviceCode, @RequestParam String purpose,
                 @RequestParam(required = false) Long expectedDailyVolume,
                 @RequestParam(required = false) String contact, Authentication who, RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "access.applied", () -> {
            if (catalog.publishedService(serviceCode).isEmpty()) {
                throw org.medops.shared.ProblemException.notFound("service", serviceCode);
            }
            review.apply(new NewApplication(Developers.channelOf(who), serviceCode, purpose, expectedDailyVolume,
                    contact), who.getName());
        });
        return "redirect:/portal/applications";
    }

    /** The new secret is shown once, on the page that follows; the old one keeps working for the overlap. */
    @PostMapping("/portal/secret/rotate")
    @PreAuthorize("hasAuthority('portal:developer')")
    String rotate(@RequestParam(defaultValue = "60") int overlapMinutes, Authentication who,
                  RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "catalog.channel.rotated", () -> redirect.addFlashAttribute("issuedSecret",
                catalog.rotateSecret(Developers.channelOf(who), Duration.ofMinutes(overlapMinutes))));
        return "redirect:/portal";
    }
}
