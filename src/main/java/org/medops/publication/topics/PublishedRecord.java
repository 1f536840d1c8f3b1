package org.medops.publication.topics;

/** A record as the channels see it (all its fields; a subscription narrows them). */
public record PublishedRecord(Topic topic, String key, TopicFields fields, long version, boolean removed) {
}
