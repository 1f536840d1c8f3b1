package org.medops.records.versions;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A version registered by hand (one installed before MedOps, or outside an upgrade). */
record NewVersion(@NotBlank String systemCode, @NotBlank @Size(max = 64) String version, @NotNull LocalDate installedOn,
                  @NotBlank @Size(max = 128) String installedBy, @Size(max = 4000) String releaseNotes, Long changeId) {
}
