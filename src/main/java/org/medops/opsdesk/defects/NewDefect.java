package org.medops.opsdesk.defects;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A defect as it is reported to the product's R&D, with the tickets that showed it. */
record NewDefect(@NotBlank @Size(max = 200) String title, @NotBlank String description, @NotBlank String systemCode,
                 @NotNull DefectSeverity severity, @NotBlank @Size(max = 128) String product,
                 @NotBlank @Size(max = 64) String productVersion, List<Long> ticketIds) {

    List<Long> tickets() {
        return ticketIds == null ? List.of() : ticketIds.stream().distinct().toList();
    }
}
