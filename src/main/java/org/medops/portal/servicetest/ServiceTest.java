package org.medops.portal.servicetest;

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

    /** Hop-by-hop headers the test's own HTTP client manages; setting them by hand cannot be sent. */
    private static final java.util.Set<String> HOP_BY_HOP = java.util.Set.of("connection", "expect", "upgrade",
            "keep-alive", "proxy-connection", "te", "trailer", "transfer-encoding");
    private static final java.util.regex.Pattern TOKEN = java.util.regex.Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    /**
     * The "Name: value" lines as pairs, each checked before anything is sent: a name that is not an HTTP
     * token (a blank in it), a control character in a value (NUL, a line break) or a hop-by-hop header
     * ({@code Expect}, {@code Upgrade}) is refused with a message naming the header, instead of failing
     * inside the HTTP client.
     */
    List<String[]> headerPairs() {
        if (headers == null || headers.isBlank()) {
            return List.of();
        }
        List<String[]> pairs = new java.util.ArrayList<>();
        for (String raw : headers.split("\r?\n|\r")) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw org.medops.shared.ProblemException.invalid("service-test-header-line", printable(line));
            }
            String name = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            if (!TOKEN.matcher(name).matches()) {
                throw org.medops.shared.ProblemException.invalid("service-test-header-name", printable(name));
            }
            if (HOP_BY_HOP.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                throw org.medops.shared.ProblemException.invalid("service-test-header-hop", name);
            }
            if (value.chars().anyMatch(c -> (c < 0x20 && c != '\t') || c == 0x7f)) {
                throw org.medops.shared.ProblemException.invalid("service-test-header-value", name);
            }
            pairs.add(new String[] {name, value});
        }
        return pairs;
    }

    /** Control characters shown as "?", so the message itself stays one readable line. */
    private static String printable(String text) {
        String shown = text.length() > 64 ? text.substring(0, 64) + "…" : text;
        return shown.codePoints().map(c -> c < 0x20 || c == 0x7f ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
