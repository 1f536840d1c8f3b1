package org.medops.portal.access;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.medops.catalog.Catalog;
import org.medops.catalog.ServiceDefinition;
import org.medops.notify.CanManageNotifyTargets;
import org.medops.notify.Notifications;
import org.medops.portal.notices.PortalNotices;
import org.medops.shared.ConsoleActions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 接入申请 and 接入审核: the application form and the reviewers' queue, overdue ones highlighted. */
@Controller
class AccessApplicationController {

    private final AccessApplications applications;
    private final AccessReview review;
    private final ApplicationAttachments attachments;
    private final Catalog catalog;
    private final PortalNotices notices;
    private final Notifications notifications;
    private final Clock clock;
    private final Duration overdueAfter;

    AccessApplicationController(AccessApplications applications, AccessReview review,
                                ApplicationAttachments attachments, Catalog catalog,
                                PortalNotices notices, Notifications notifications, Clock clock,
                                @Value("${medops.portal.review-overdue:3d}") Duration overdueAfter) {
        this.applications = applications;
        this.review = review;
        this.attachments = attachments;
        this.catalog = catalog;
        this.notices = notices;
        this.notifications = notifications;
        this.clock = clock;
        this.overdueAfter = overdueAfter;
    }

    @GetMapping("/access/applications")
    @CanSeeAccessApplications
    String queue(@RequestParam(required = false) String status, Model model) {
        model.addAttribute("status", status);
        List<AccessApplication> listed = applications.list(status);
        model.addAttribute("applications", listed);
        model.addAttribute("attachments", attachments.of(listed.stream().map(AccessApplication::id).toList()));
        model.addAttribute("now", clock.instant());
        model.addAttribute("overdueAfter", overdueAfter);
        model.addAttribute("channels", catalog.channelCodes());
        model.addAttribute("services", catalog.services().stream().map(ServiceDefinition::code).toList());
        model.addAttribute("targets", notifications.targets());
        model.addAttribute("chosenTargets", notices.targets());
        return "portal/applications";
    }

    /** Which notifier targets (the reviewers' WeCom group, say) hear of new applications and registrations. */
    @PostMapping("/access/notify-targets")
    @CanManageNotifyTargets
    String chooseTargets(@RequestParam(required = false) List<Long> targetIds, RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "portal.targets.saved",
                () -> notices.chooseTargets(targetIds == null ? List.of() : targetIds));
        return "redirect:/access/applications";
    }

    @PostMapping("/access/applications")
    @CanApplyForAccess
    String apply(NewApplication form, Authentication who, RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "access.applied", () -> review.apply(form, who.getName()));
        return "redirect:/access/applications";
    }

    @PostMapping("/access/applications/{id}/approve")
    @CanReviewAccess
    String approve(@PathVariable long id, @RequestParam(required = false) Long dailyQuota, Authentication who,
                   RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "access.approved", () -> review.approve(id, who.getName(), dailyQuota));
        return "redirect:/access/applications";
    }

    @PostMapping("/access/applications/{id}/reject")
    @CanReviewAccess
    String reject(@PathVariable long id, @RequestParam(required = false) String reason, Authentication who,
                  RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "access.rejected", () -> review.reject(id, reason, who.getName()));
        return "redirect:/access/applications";
    }

    @PostMapping("/access/applications/{id}/revoke")
    @CanReviewAccess
    String revoke(@PathVariable long id, Authentication who, RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "access.revoked", () -> review.revoke(id, who.getName()));
        return "redirect:/access/applications";
    }
}
