package org.medops.opsdesk.tickets;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The fault-location report (故障定位报告), due three hours after the first response. */
record LocationReport(@NotBlank @Size(max = 4000) String rootCause, @NotBlank @Size(max = 2000) String impact,
                      @NotBlank @Size(max = 200) String fixPriority, @NotBlank @Size(max = 2000) String risk) {
}
