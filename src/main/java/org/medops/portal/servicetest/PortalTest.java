package org.medops.portal.servicetest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A developer's test request: like {@link ServiceTest}, minus the channel, which is always their own. */
record PortalTest(@NotBlank @Pattern(regexp = "GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS") String method,
                  @NotBlank @Pattern(regexp = "/[^?#\\s]*") @Size(max = 2048) String path,
                  @Size(max = 4096) String query, @Size(max = 8192) String headers,
                  @Size(max = 1048576) String body) {

    ServiceTest as(String channelCode) {
        return new ServiceTest(channelCode, method, path, query, headers, body);
    }
}
