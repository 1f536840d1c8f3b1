package org.medops.publication.topics;

/** A draft was approved: {@code version} is now the record's published state. Push delivers it to subscribers. */
public record TopicPublished(long version, Topic topic, String key, boolean removed) {
}
