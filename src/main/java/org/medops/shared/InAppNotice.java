package org.medops.shared;

/**
 * An in-app message (站内消息) for one person, published by any module; the module owning the inbox stores it in the
 * publisher's transaction, so a reminder is never recorded as sent without its message.
 */
public record InAppNotice(String username, String title, String body, String link) {
}
