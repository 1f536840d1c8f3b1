package org.medops.publication.subscriptions;

import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.medops.identity.CanUseDeveloperPortal;
import org.medops.identity.DeveloperAccounts;
import org.medops.publication.permissions.CanReadPublication;
import org.medops.publication.permissions.CanReviewSubscriptions;
import org.medops.publication.topics.Topic;
import org.medops.shared.ConsoleActions;
import org.medops.shared.FilterText;
import org.medops.shared.ListPage;
import org.medops.shared.ListRequest;
import org.medops.shared.ProblemException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 数据订阅: the data owner's list and decisions in the console, and the developer portal's page where a channel
 * applies for a topic with its purpose, fields and webhook and follows its subscriptions.
 */
@Controller
class SubscriptionController {

    private final SubscriptionDesk desk;

    SubscriptionController(SubscriptionDesk desk) {
        this.desk = desk;
    }

    @CanReadPublication
    @GetMapping("/publication/subscriptions")
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
                @RequestParam(required = false) Integer size, HttpServletRequest http, Model model) {
        ListPage<SubscriptionView> list;
        try {
            ListRequest request = ListRequest.of(page, size, null, SubscriptionApi.SORT);
            Subscription.Status wanted = SubscriptionApi.status(status);
            list = ListPage.of(desk.list(null, wanted, request.offset(), request.size()).stream()
                    .map(s -> SubscriptionView.of(s, desk.totals(s.id()))).toList(), desk.count(null, wanted), request, http);
        } catch (ProblemException e) {
            model.addAttribute("problem", e);
            list = ListPage.empty(SubscriptionApi.SORT, http);
        }
        model.addAttribute("page", list);
        model.addAttribute("statuses", Arrays.asList(Subscription.Status.values()));
        return "publication/subscriptions";
    }

    @CanReviewSubscriptions
    @PostMapping("/publication/subscriptions/{id}/approve")
    String approve(Authentication caller, @PathVariable long id, @RequestParam(required = false) List<String> fields,
                   @RequestParam(required = false) String note, RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "publication.notice.subscriptionApproved",
                () -> desk.approve(id, caller.getName(), fields, FilterText.orNull(note)));
        return "redirect:/publication/subscriptions";
    }

    @CanReviewSubscriptions
    @PostMapping("/publication/subscriptions/{id}/refuse")
    String refuse(Authentication caller, @PathVariable long id, @RequestParam(required = false) String note,
                  RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "publication.notice.subscriptionRefused",
                () -> desk.refuse(id, caller.getName(), FilterText.orNull(note)));
        return "redirect:/publication/subscriptions";
    }

    @CanReviewSubscriptions
    @PostMapping("/publication/subscriptions/{id}/{change:suspend|resume|end}")
    String change(Authentication caller, @PathVariable long id, @PathVariable String change,
                  RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "publication.notice.subscriptionChanged", () -> {
            switch (change) {
                case "suspend" -> desk.suspend(id, caller.getName());
                case "resume" -> desk.resume(id, caller.getName());
                default -> desk.end(id, caller.getName());
            }
        });
        return "redirect:/publication/subscriptions";
    }

    @CanUseDeveloperPortal
    @GetMapping("/portal/publication")
    String portal(Authentication who, Model model) {
        String channel = DeveloperAccounts.ownChannel(who);
        model.addAttribute("topics", Arrays.asList(Topic.values()));
        model.addAttribute("mine", desk.list(channel, null, 0, 100).stream()
                .map(s -> SubscriptionView.of(s, desk.totals(s.id()))).toList());
        return "developer/publication";
    }

    @CanUseDeveloperPortal
    @PostMapping("/portal/publication")
    String apply(Authentication who, @RequestParam String topic, @RequestParam(required = false) String purpose,
                 @RequestParam(required = false) List<String> fields, @RequestParam(required = false) String webhookUrl,
                 RedirectAttributes redirect) {
        String channel = DeveloperAccounts.ownChannel(who);
        ConsoleActions.attempt(redirect, "publication.notice.applied", () -> desk.apply(channel,
                new Subscription.Application(Topic.ofPath(topic), purpose, fields == null ? List.of() : fields,
                        webhookUrl), who.getName()));
        return "redirect:/portal/publication";
    }
}
