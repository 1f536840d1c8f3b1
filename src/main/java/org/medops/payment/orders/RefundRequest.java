package org.medops.payment.orders;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** A refund: the caller's refund number (reused on a retry), the amount in fen, why. */
record RefundRequest(@NotBlank @Pattern(regexp = "[A-Za-z0-9_|*@-]{1,64}") String outRefundNo,
                     @NotNull @Positive Long amountFen, @Size(max = 80) String reason) {
}
