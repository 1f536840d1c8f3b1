package org.medops.publication.topics;

import java.util.List;

import org.springframework.stereotype.Service;

/** What the channels may read: the published state only, never a draft. */
@Service
public class PublishedRecords {

    private final Publications published;

    PublishedRecords(Publications published) {
        this.published = published;
    }

    /** The newest version published in any topic. */
    public long head() {
        return published.head();
    }

    /**
     * Records of the topic published after {@code since} up to {@code upTo}, in version order. Versions commit in
     * their order (the counter's row lock), so every version at or below a head read earlier is visible.
     */
    public List<PublishedRecord> changed(Topic topic, long since, long upTo, int limit) {
        return published.changed(topic, since, upTo, limit);
    }

    /** The newest version of the topic at or below {@code upTo}. */
    public long topicHead(Topic topic, long upTo) {
        return published.topicHead(topic, upTo);
    }

    public java.util.Optional<PublishedVersion> version(long version) {
        return published.version(version);
    }
}
