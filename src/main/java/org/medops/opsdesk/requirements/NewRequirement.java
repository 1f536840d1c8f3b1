package org.medops.opsdesk.requirements;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What hospital staff fill in to submit a requirement. */
record NewRequirement(@NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 10000) String description,
                      @NotBlank String systemCode, @NotBlank @Size(max = 64) String submitter,
                      @Size(max = 128) String contact) {
}
