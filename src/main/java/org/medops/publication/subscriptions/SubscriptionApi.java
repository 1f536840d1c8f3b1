package org.medops.publication.subscriptions;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.medops.publication.permissions.CanReadPublication;
import org.medops.publication.permissions.CanReviewSubscriptions;
import org.medops.publication.permissions.CanWritePublication;
import org.medops.publication.topics.Topic;
import org.medops.shared.ListPage;
import org.medops.shared.ListRequest;
import org.medops.shared.ProblemException;
import org.medops.shared.SortColumns;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The hospital's side of subscriptions: list, apply for an internal system, decide, suspend, resume, end, usage. */
@RestController
@RequestMapping("/api/v1/publication/subscriptions")
class SubscriptionApi {

    static final SortColumns SORT = SortColumns.of("id", false, "id", "id", "id");

    private final SubscriptionDesk desk;

    SubscriptionApi(SubscriptionDesk desk) {
        this.desk = desk;
    }

    /** The application, shared by the portal's form and the hospital's API. */
    record ApplicationRequest(@NotBlank @Size(max = 64) String channel, @NotBlank String topic,
                              @NotBlank @Size(max = 2000) String purpose, @NotEmpty List<String> fields,
                              @Size(max = 500) String webhookUrl) {
        Subscription.Application toApplication() {
            return new Subscription.Application(Topic.ofPath(topic), purpose, fields, webhookUrl);
        }
    }

    record Decision(List<String> fields, @Size(max = 1000) String note) {
    }

    @CanReadPublication
    @GetMapping
    ListPage<SubscriptionView> list(@RequestParam(required = false) String channel,
                                    @RequestParam(required = false) String status,
                                    @RequestParam(required = false) Integer page,
                                    @RequestParam(required = false) Integer size, HttpServletRequest http) {
        ListRequest request = ListRequest.of(page, size, null, SORT);
        Subscription.Status wanted = status(status);
        return ListPage.of(desk.list(channel, wanted, request.offset(), request.size()).stream()
                .map(s -> SubscriptionView.of(s, desk.totals(s.id()))).toList(), desk.count(channel, wanted), request, http);
    }

    @CanReadPublication
    @GetMapping("/{id}")
    SubscriptionView get(@PathVariable long id) {
        return SubscriptionView.of(desk.get(id), desk.totals(id));
    }

    @CanReadPublication
    @GetMapping("/{id}/usage")
    List<Usage> usage(@PathVariable long id) {
        desk.get(id);
        return desk.usage(id, 200);
    }

    /** An internal system's subscription, applied for by the hospital's data keepers. */
    @CanWritePublication
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    SubscriptionView apply(Authentication caller, @Valid @RequestBody ApplicationRequest request) {
        Subscription s = desk.apply(request.channel(), request.toApplication(), caller.getName());
        return SubscriptionView.of(s, desk.totals(s.id()));
    }

    @CanReviewSubscriptions
    @PostMapping("/{id}/approve")
    SubscriptionView approve(Authentication caller, @PathVariable long id, @Valid @RequestBody Decision decision) {
        return view(desk.approve(id, caller.getName(), decision.fields(), decision.note()));
    }

    @CanReviewSubscriptions
    @PostMapping("/{id}/refuse")
    SubscriptionView refuse(Authentication caller, @PathVariable long id, @Valid @RequestBody Decision decision) {
        return view(desk.refuse(id, caller.getName(), decision.note()));
    }

    @CanReviewSubscriptions
    @PostMapping("/{id}/suspend")
    SubscriptionView suspend(Authentication caller, @PathVariable long id) {
        return view(desk.suspend(id, caller.getName()));
    }

    @CanReviewSubscriptions
    @PostMapping("/{id}/resume")
    SubscriptionView resume(Authentication caller, @PathVariable long id) {
        return view(desk.resume(id, caller.getName()));
    }

    @CanReviewSubscriptions
    @PostMapping("/{id}/end")
    SubscriptionView end(Authentication caller, @PathVariable long id) {
        return view(desk.end(id, caller.getName()));
    }

    private SubscriptionView view(Subscription s) {
        return SubscriptionView.of(s, desk.totals(s.id()));
    }

    static Subscription.Status status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return Subscription.Status.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("publication-subscription-status-invalid", status);
        }
    }
}
