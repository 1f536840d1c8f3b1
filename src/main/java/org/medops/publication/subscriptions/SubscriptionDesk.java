package org.medops.publication.subscriptions;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

import org.medops.catalog.Catalog;
import org.medops.publication.topics.Topic;
import org.medops.shared.AuditableEvent;
import org.medops.shared.FieldChange;
import org.medops.shared.ProblemException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Applying for, deciding and changing subscriptions; what each channel may receive; usage records. */
@Service
public class SubscriptionDesk {

    /** The built-in catalog service the feed is served as. */
    public static final String FEED_SERVICE = "publication";

    private final Subscriptions subscriptions;
    private final Catalog catalog;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SubscriptionDesk(Subscriptions subscriptions, Catalog catalog, ApplicationEventPublisher events, Clock clock) {
        this.subscriptions = subscriptions;
        this.catalog = catalog;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    Subscription apply(String channel, Subscription.Application application, String applicant) {
        if (!catalog.hasChannel(channel)) {
            throw ProblemException.notFound("channel", channel);
        }
        if (subscriptions.liveExists(channel, application.topic())) {
            throw ProblemException.conflict("publication-subscription-exists", channel, application.topic().path());
        }
        Subscription saved = subscriptions.save(Subscription.applied(channel, application, applicant, clock.instant()));
        audit("publication.subscription.apply", saved, List.of(FieldChange.set("channel", channel),
                FieldChange.set("topic", application.topic().path()), FieldChange.set("purpose", application.purpose()),
                FieldChange.set("fields", String.join(",", application.fields())),
                FieldChange.set("webhook", application.webhookUrl())));
        return saved;
    }

    @Transactional
    Subscription approve(long id, String by, List<String> fields, String note) {
        Subscription approved = change(id, "publication.subscription.approve", (s, at) -> s.approve(by, fields, note, at));
        grantFeed(approved.channelCode(), by);
        return approved;
    }

    /** An approved subscriber reads through the gateway's built-in service, which needs a grant like any service. */
    private void grantFeed(String channel, String by) {
        boolean registered = catalog.services().stream().anyMatch(s -> s.code().equals(FEED_SERVICE));
        if (registered && !catalog.grantsOf(channel).contains(FEED_SERVICE)) {
            catalog.grant(channel, FEED_SERVICE, by);
        }
    }

    @Transactional
    Subscription refuse(long id, String by, String note) {
        return change(id, "publication.subscription.refuse", (s, at) -> s.refuse(by, note, at));
    }

    @Transactional
    Subscription suspend(long id, String by) {
        return change(id, "publication.subscription.suspend", (s, at) -> s.suspend(by, at));
    }

    @Transactional
    Subscription resume(long id, String by) {
        return change(id, "publication.subscription.resume", (s, at) -> s.resume(by, at));
    }

    @Transactional
    Subscription end(long id, String by) {
        return change(id, "publication.subscription.end", (s, at) -> s.end(by, at));
    }

    private Subscription change(long id, String action, BiConsumer<Subscription, java.time.Instant> change) {
        Subscription s = subscriptions.findForUpdate(id)
                .orElseThrow(() -> ProblemException.notFound("publication-subscription", id));
        String before = s.status().name();
        change.accept(s, clock.instant());
        Subscription saved = subscriptions.save(s);
        audit(action, saved, List.of(FieldChange.of("status", before, saved.status().name()),
                FieldChange.set("approvedFields", String.join(",", saved.approvedFields())),
                FieldChange.set("note", saved.decisionNote())));
        return saved;
    }

    Subscription get(long id) {
        return subscriptions.find(id).orElseThrow(() -> ProblemException.notFound("publication-subscription", id));
    }

    List<Subscription> list(String channel, Subscription.Status status, long offset, int limit) {
        return subscriptions.list(channel, status, offset, limit);
    }

    long count(String channel, Subscription.Status status) {
        return subscriptions.count(channel, status);
    }

    List<Usage> usage(long id, int limit) {
        return subscriptions.usage(id, limit);
    }

    Subscriptions.Totals totals(long id) {
        return subscriptions.totals(id);
    }

    /** The channel's approved subscription to the topic: without one, it reads nothing of it. */
    public Optional<ActiveSubscription> active(String channel, Topic topic) {
        return subscriptions.approved(channel, topic).map(SubscriptionDesk::active);
    }

    /** The approved subscriptions of a topic that want pushes. */
    public List<ActiveSubscription> pushTargets(Topic topic) {
        return subscriptions.approvedWithWebhook(topic).stream().map(SubscriptionDesk::active).toList();
    }

    /** Whether the subscription is still approved (a suspended one gets no pushes until resumed). */
    public Optional<ActiveSubscription> activeById(long id) {
        return subscriptions.find(id).filter(s -> s.status() == Subscription.Status.APPROVED)
                .map(SubscriptionDesk::active);
    }

    /** Whether the subscription ended (or was refused): its queued pushes are dropped. */
    public boolean over(long id) {
        return subscriptions.find(id).map(s -> s.status() == Subscription.Status.ENDED
                || s.status() == Subscription.Status.REFUSED).orElse(true);
    }

    @Transactional
    public void recordUsage(Usage usage) {
        subscriptions.record(usage);
    }

    private static ActiveSubscription active(Subscription s) {
        return new ActiveSubscription(s.id(), s.channelCode(), s.application().topic(), s.deliveredFields(),
                s.application().webhookUrl());
    }

    private void audit(String action, Subscription s, List<FieldChange> changes) {
        events.publishEvent(new SubscriptionAudit(action, String.valueOf(s.id()), changes));
    }

    record SubscriptionAudit(String action, String targetId, List<FieldChange> changes) implements AuditableEvent {
        @Override
        public String targetType() {
            return "publication-subscription";
        }
    }
}
