package org.medops.portal;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A request composed in the service-test console: sent through the gateway as the channel, signed on
 * the server. {@code headers} holds "Name: value" lines.
 */
record ServiceTest(@NotBlank @Size(max = 32) String channelCode,
                   @NotBlank @Pattern(regexp = "GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS") String method,
                   @NotBlank @Pattern(regexp = "/[^?#\\s]*") @Size(max = 2048) String path,
                   @Size(max = 4096) String query, @Size(max = 8192) String headers,
                   @Size(max = 1048576) String body) {

    List<String[]> headerPairs() {
        if (headers == null || headers.isBlank()) {
            return List.of();
        }
        return headers.lines().map(String::trim).filter(line -> line.contains(":"))
                .map(line -> new String[] {line.substring(0, line.indexOf(':')).trim(),
                        line.substring(line.indexOf(':') + 1).trim()})
                .filter(pair -> !pair[0].isEmpty()).toList();
    }
}
