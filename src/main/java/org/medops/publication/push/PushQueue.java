package org.medops.publication.push;

import java.time.Clock;

import org.medops.publication.subscriptions.ActiveSubscription;
import org.medops.publication.subscriptions.SubscriptionDesk;
import org.medops.publication.topics.TopicPublished;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Queues each publication for the topic's push subscribers. The event is kept by the event publication registry
 * until this listener committed, so a publication acknowledged before a crash is still queued after it.
 */
@Component
class PushQueue {

    private final SubscriptionDesk subscriptions;
    private final Deliveries deliveries;
    private final Clock clock;

    PushQueue(SubscriptionDesk subscriptions, Deliveries deliveries, Clock clock) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(TopicPublished published) {
        for (ActiveSubscription subscription : subscriptions.pushTargets(published.topic())) {
            deliveries.enqueue(subscription.id(), published.version(), clock.instant());
        }
    }
}
