package org.medops.records.versions;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An upgrade as the engineer drafts it: the change it runs as, the target version, and the two documents. */
record NewUpgrade(@NotNull Long changeId, @NotBlank @Size(max = 64) String targetVersion,
                  @NotNull @Valid Assessment assessment, @NotNull @Valid UpgradePlan plan) {
}
