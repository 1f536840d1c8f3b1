package org.medops.opsdesk.changes;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.medops.shared.ProblemException;

/** A change as its requester plans it. */
record NewChange(@NotBlank @Size(max = 200) String title, @NotBlank String systemCode,
                 @NotNull ChangeEnvironment environment, @NotNull ChangeRisk risk, @NotBlank String plan,
                 @NotBlank String rollbackPlan, @NotNull Instant plannedStart, @NotNull Instant plannedEnd) {

    /** The console's form is not bean-validated, so the desk checks again. */
    void requireComplete() {
        if (blank(title) || blank(systemCode) || environment == null || risk == null || blank(plan)
                || blank(rollbackPlan) || plannedStart == null || plannedEnd == null) {
            throw ProblemException.invalid("change-incomplete");
        }
        if (title.length() > 200) {
            throw ProblemException.invalid("text-too-long");
        }
        if (!plannedEnd.isAfter(plannedStart)) {
            throw ProblemException.invalid("change-period-invalid");
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
