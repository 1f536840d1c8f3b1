package org.medops.records.versions;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The vendor registers a version it released for a system. */
record NewRelease(@NotBlank String systemCode, @NotBlank @Size(max = 64) String version, @NotNull LocalDate releasedOn,
                  @Size(max = 2000) String notes) {
}
