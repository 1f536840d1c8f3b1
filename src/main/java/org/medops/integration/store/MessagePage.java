package org.medops.integration.store;

import java.util.List;

/** A page of messages, newest first; {@code next} is the {@code before} of the following page, null on the last. */
public record MessagePage(List<MessageRow> rows, Long next) {
}
