package org.medops.portal;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.medops.catalog.Catalog;
import org.medops.catalog.ServiceDoc;
import org.medops.identity.CanUseDeveloperPortal;
import org.medops.identity.DeveloperAccounts;
import org.medops.portal.access.PendingApplications;
import org.medops.shared.ConsoleActions;
import org.medops.shared.ProblemException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 开发者中心 for a channel's developer: 概览/我的渠道 (credentials, grants with their quotas) and
 * 接入申请 (their channel's applications, applying for a published service). Nothing of other channels.
 */
@Controller
class DeveloperPortalController {

    private final Catalog catalog;
    private final PendingApplications pending;
    private final ChannelOwners owners;

    DeveloperPortalController(Catalog catalog, PendingApplications pending, ChannelOwners owners) {
        this.catalog = catalog;
        this.owners = owners;
        this.pending = pending;
    }

    @GetMapping("/portal")
    @CanUseDeveloperPortal
    String portal(Authentication who, Model model) {
        String channel = DeveloperAccounts.ownChannel(who);
        model.addAttribute("channel", channel);
        model.addAttribute("appKey", catalog.appKeyOf(channel));
        model.addAttribute("owner", owners.owns(who));
        model.addAttribute("grants", catalog.grantDetailsOf(channel));
        model.addAttribute("pending", pending.of(channel));
        model.addAttribute("published", catalog.publishedServices().size());
        return "developer/overview";
    }

    /**
     * The new secret is shown once, on the page that follows; the old one keeps working for the overlap.
     * Only the channel's owner may rotate it.
     */
    @PostMapping("/portal/secret/rotate")
    @CanUseDeveloperPortal
    String rotate(@RequestParam(defaultValue = "60") int overlapMinutes, Authentication who,
                  RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "catalog.channel.rotated", () -> redirect.addFlashAttribute("issuedSecret",
                owners.rotate(who, Duration.ofMinutes(overlapMinutes))));
        return "redirect:/portal";
    }
}
