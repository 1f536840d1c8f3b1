package org.medops.dataaccess.requests;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.medops.dataaccess.Scope;

/** The page's request form, flat as a form posts it; the same rules as {@link NewAccessRequest}. */
record RequestForm(@NotNull Scope.Kind kind, @NotBlank @Size(max = 100) String ref,
                   @NotBlank @Size(max = 1000) String reason, @NotNull @Min(1) @Max(24) Integer durationHours) {

    NewAccessRequest request() {
        return new NewAccessRequest(new NewAccessRequest.ScopeRef(kind, ref), reason, durationHours);
    }
}
