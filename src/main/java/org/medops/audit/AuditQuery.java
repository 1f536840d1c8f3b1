package org.medops.audit;

import java.time.Instant;
import java.util.Optional;

import org.springframework.format.annotation.DateTimeFormat;

/** Filters of the audit page and API; every field is optional. */
record AuditQuery(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                  String actor, String action, String target) {

    /** Usernames are stored lower-case. */
    Optional<String> actorName() {
        return text(actor).map(String::toLowerCase);
    }

    /** Matches every action that starts with it: {@code channel.} finds all channel changes. */
    Optional<String> actionPrefix() {
        return text(action);
    }

    /** A target id, or a target type. */
    Optional<String> targetText() {
        return text(target);
    }

    private static Optional<String> text(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}
