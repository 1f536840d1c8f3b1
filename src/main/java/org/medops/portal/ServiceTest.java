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

    private static final java.util.regex.Pattern PATH = java.util.regex.Pattern.compile("/[^?#\\s]{0,2047}");
    private static final java.util.regex.Pattern METHOD = java.util.regex.Pattern.compile("GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS");

    /**
     * Where this test goes: the gateway, and only the gateway. Checked here rather than trusted to form
     * validation, because a path such as {@code @169.254.169.254/…} would otherwise move the request to
     * another host and show that host's answer on the page.
     */
    java.net.URI target(String gatewayUrl) {
        if (method == null || !METHOD.matcher(method).matches()) {
            throw org.medops.shared.ProblemException.invalid("service-test-method", method);
        }
        if (path == null || !PATH.matcher(path).matches()) {
            throw org.medops.shared.ProblemException.invalid("service-test-path", path);
        }
        java.net.URI gateway = java.net.URI.create(gatewayUrl);
        String trimmed = query == null || query.isBlank() ? null : query.trim();
        if (trimmed != null && !trimmed.matches("[^#\\s]*")) {
            throw org.medops.shared.ProblemException.invalid("service-test-query", trimmed);
        }
        try {
            java.net.URI target = java.net.URI.create(gatewayUrl + path + (trimmed == null ? "" : "?" + trimmed));
            if (java.util.Objects.equals(target.getScheme(), gateway.getScheme())
                    && java.util.Objects.equals(target.getHost(), gateway.getHost()) && target.getPort() == gateway.getPort()) {
                return target;
            }
        } catch (IllegalArgumentException e) {
            // falls through to the same refusal
        }
        throw org.medops.shared.ProblemException.invalid("service-test-path", path);
    }

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
