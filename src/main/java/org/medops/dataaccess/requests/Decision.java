package org.medops.dataaccess.requests;

import jakarta.validation.constraints.Size;

/** The reason of a refusal (required) or a revocation (optional). */
record Decision(@Size(max = 1000) String reason) {
}
