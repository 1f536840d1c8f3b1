package org.medops.dataaccess.requests;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.medops.dataaccess.Scope;

/** What the request form and {@code POST /api/v1/data-access/requests} send. */
record NewAccessRequest(@NotNull @Valid ScopeRef scope, @NotBlank @Size(max = 1000) String reason,
                        @NotNull @Min(1) @Max(24) Integer durationHours) {

    /** A scope as typed: its kind and the service code, channel code or ticket id. */
    record ScopeRef(@NotNull Scope.Kind kind, @NotBlank @Size(max = 100) String ref) {

        Scope scope() {
            return new Scope(kind, ref);
        }
    }
}
