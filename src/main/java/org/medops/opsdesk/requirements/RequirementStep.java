package org.medops.opsdesk.requirements;

import java.time.Instant;

/** One line of a requirement's timeline. */
record RequirementStep(Instant at, String byUser, RequirementStatus fromStatus, RequirementStatus toStatus,
                       String note) {
}
