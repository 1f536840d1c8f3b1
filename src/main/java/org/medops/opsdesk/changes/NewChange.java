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

    /** The one rule across fields, which bean validation of each field cannot state. */
    void requireOrderedPeriod() {
        if (!plannedEnd.isAfter(plannedStart)) {
            throw ProblemException.invalid("change-period-invalid");
        }
    }
}
