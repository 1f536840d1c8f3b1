package org.medops.reporting.scorecard;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The bodies of the scorecard's API and the review page's forms. */
final class ScorecardRequests {

    private ScorecardRequests() {
    }

    record Draft(@NotBlank String quarter) {
    }

    record Strike(@NotBlank @Size(max = 500) String reason) {
    }

    record Adjust(@NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal points,
                  @NotBlank @Size(max = 500) String reason) {
    }

    /** A reviewer's own deduction under an item; {@code evidence} a link or reference. */
    record Add(@NotBlank String itemCode, @NotNull @DecimalMin("0.5") @DecimalMax("100") BigDecimal points,
               @NotBlank @Size(max = 500) String text, @Size(max = 300) String evidence,
               @NotBlank @Size(max = 500) String reason) {
    }

    /** {@code signerName}: as printed on the card; the signed-in user's name when absent. */
    record Finalize(@Size(max = 64) String signerName) {
    }
}
