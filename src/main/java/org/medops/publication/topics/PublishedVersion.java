package org.medops.publication.topics;

import java.time.Instant;
import java.util.List;

/** One publication in a record's history: what changed, who wrote it, who approved it. */
public record PublishedVersion(long version, Topic topic, String key, TopicFields fields, boolean removed,
                               List<FieldDiff> changes, long draftId, String author, String approvedBy, boolean urgent,
                               Long rollbackOf, Instant publishedAt) {
}
