package org.medops.opsdesk.defects;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.medops.shared.ProblemException;

/** A defect as it is reported to the product's R&D, with the tickets that showed it. */
record NewDefect(@NotBlank @Size(max = 200) String title, @NotBlank String description, @NotBlank String systemCode,
                 @NotNull DefectSeverity severity, @NotBlank @Size(max = 128) String product,
                 @NotBlank @Size(max = 64) String productVersion, List<Long> ticketIds) {

    /** The console's form is not bean-validated, so the desk checks again. */
    void requireComplete() {
        if (blank(title) || blank(description) || blank(systemCode) || severity == null || blank(product)
                || blank(productVersion)) {
            throw ProblemException.invalid("defect-incomplete");
        }
        if (title.length() > 200 || product.length() > 128 || productVersion.length() > 64) {
            throw ProblemException.invalid("text-too-long");
        }
    }

    List<Long> tickets() {
        return ticketIds == null ? List.of() : ticketIds.stream().distinct().toList();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
