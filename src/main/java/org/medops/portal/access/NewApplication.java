package org.medops.portal.access;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record NewApplication(@NotBlank @Size(max = 32) String channelCode, @NotBlank @Size(max = 32) String serviceCode,
                      @NotBlank @Size(max = 2000) String purpose, @Min(0) Long expectedDailyVolume,
                      @Size(max = 256) String contact) {
}
