package org.medops.publication.subscriptions;

import java.util.Set;

import org.medops.publication.topics.Topic;

/** An approved subscription as delivery needs it: who, which topic, which fields, where to push (null: read only). */
public record ActiveSubscription(long id, String channelCode, Topic topic, Set<String> fields, String webhookUrl) {
}
