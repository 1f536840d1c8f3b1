package org.medops.reporting.contracts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** The bodies that set up contracts and record their payments. */
final class ContractRequests {

    private ContractRequests() {
    }

    /** {@code items} and {@code bands} empty or absent: seed 001's; {@code bandBasis} absent: as scored. */
    record NewContract(@NotNull @Min(2000) @Max(2999) Integer year, @NotBlank @Size(max = 200) String name,
                       @NotBlank @Size(max = 200) String vendor, @NotNull LocalDate startsOn,
                       @NotNull LocalDate endsOn, @NotNull @PositiveOrZero BigDecimal fee, BandBasis bandBasis,
                       List<@Valid ScorecardItem> items, List<@Valid Band> bands,
                       List<@Valid NewMilestone> milestones) {
    }

    /** Exactly one of {@code dueOn} and {@code servicePercent}. */
    record NewMilestone(@NotBlank @Size(max = 200) String name, LocalDate dueOn,
                        @Min(0) @Max(100) Integer servicePercent,
                        @NotNull @DecimalMin("0.01") @DecimalMax("100") BigDecimal sharePercent,
                        @NotBlank @Size(max = 1000) String requiredRecords, boolean finalPayment) {
    }

    record Items(@NotNull @Size(min = 1, max = 20) List<@Valid ScorecardItem> items, BandBasis bandBasis) {
    }

    record Invoice(@NotNull LocalDate receivedOn) {
    }

    record Payment(@NotNull LocalDate paidOn, @NotNull @PositiveOrZero BigDecimal amount) {
    }
}
