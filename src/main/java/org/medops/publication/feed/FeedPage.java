package org.medops.publication.feed;

import java.util.List;
import java.util.SortedMap;

/**
 * One answer of the feed: {@code version} is where the caller continues ({@code since=version} next time),
 * {@code more} says the page was cut at the limit and the caller should ask again at once.
 */
public record FeedPage(long version, List<Entry> changed, List<String> removed, boolean more) {

    /** A record as the subscription may see it. */
    public record Entry(String key, long version, SortedMap<String, String> fields) {
    }
}
