package org.medops.records.plans;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A drill (演练) held on a plan: when, the scenario played, who took part, what was found, what follows. */
record NewDrill(@NotNull LocalDate heldOn, @NotBlank @Size(max = 2000) String scenario,
                @NotBlank @Size(max = 2000) String participants, @NotBlank @Size(max = 8000) String findings,
                @NotBlank @Size(max = 8000) String followUp, @Min(0) @Max(10080) Integer recoveryMinutes) {
}
