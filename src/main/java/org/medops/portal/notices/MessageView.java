package org.medops.portal.notices;

import java.time.Instant;

/** One of the reader's own messages as the API shows it; whose it is goes without saying. */
record MessageView(long id, String title, String body, String link, Instant createdAt, Instant readAt,
                   boolean unread) {

    static MessageView of(Inbox.UserMessage m) {
        return new MessageView(m.id(), m.title(), m.body(), m.link(), m.createdAt(), m.readAt(), m.unread());
    }
}
