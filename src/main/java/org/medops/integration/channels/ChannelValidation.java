package org.medops.integration.channels;

import java.net.URI;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.dashjoin.jsonata.Jsonata;
import org.medops.integration.data.DataType;
import org.medops.integration.data.Fhir;
import org.medops.shared.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * What a channel document must satisfy before it is stored. Each broken rule is a stable code
 * (translated as {@code problem.<code>}); all of them are reported at once, so an editor fixes the
 * document in one go.
 */
final class ChannelValidation {

    static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{1,63}");
    /** A file name (no directory part) with placeholders such as {@code ${controlId}}. */
    private static final Pattern FILE_NAME = Pattern.compile("(?!\\.)[A-Za-z0-9._${}\\-]{1,200}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    private final List<String> problems = new ArrayList<>();

    private ChannelValidation() {
    }

    static void check(String code, ChannelDocument document) {
        ChannelValidation v = new ChannelValidation();
        v.document(code, document);
        if (!v.problems.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "integration-channel-invalid",
                    v.problems.stream().distinct().toList(), code);
        }
    }

    private void document(String code, ChannelDocument d) {
        require(CODE.matcher(code).matches(), "integration-channel-code");
        require(d.code() == null || d.code().equals(code), "integration-channel-code-mismatch");
        require(d.name() != null && !d.name().isBlank() && d.name().length() <= 200, "integration-channel-name");
        source(d.source());
        DataType data = d.source() == null ? DataType.HL7V2 : d.source().effective().data();
        if (d.filter() != null && !d.filter().isBlank()) {
            require(compiles(d.filter()), "integration-channel-filter");
        }
        if (d.transformer() != null) {
            d.transformer().steps().forEach(step -> step(step, data));
            if (d.transformer().jsonata() != null && !d.transformer().jsonata().isBlank()) {
                require(compiles(d.transformer().jsonata()), "integration-channel-jsonata");
            }
        }
        require(!d.destinations().isEmpty() && d.destinations().size() <= 20, "integration-channel-destinations");
        Set<String> names = new HashSet<>();
        for (ChannelDocument.Destination destination : d.destinations()) {
            destination(code, destination, data);
            require(destination.name() == null || names.add(destination.name()), "integration-destination-name-twice");
        }
        if (d.duplicates() != null && d.duplicates().window() != null) {
            require(within(d.duplicates().window(), Duration.ZERO, Duration.ofDays(7)), "integration-channel-duplicates");
        }
        response(d.response(), names);
    }

    private void response(ChannelDocument.Response response, Set<String> destinations) {
        if (response == null) {
            return;
        }
        if (response.mode() == ChannelDocument.Response.Mode.DESTINATION) {
            require(response.destination() != null && destinations.contains(response.destination()),
                    "integration-response-destination");
        }
        if (response.timeout() != null) {
            require(within(response.timeout(), Duration.ofSeconds(1), Duration.ofMinutes(5)), "integration-response-timeout");
        }
    }

    private static final Set<String> SOURCE_TYPES = Set.of("MLLP", "HTTP", "FHIR", "FILE", "CHANNEL");
    private static final Set<String> DESTINATION_TYPES = Set.of("HTTP", "FILE", "CHANNEL");

    private void source(ChannelDocument.Source source) {
        if (source == null) {
            problems.add("integration-source-missing");
            return;
        }
        String type = source.type();
        require(SOURCE_TYPES.contains(type), "integration-source-type");
        if ("MLLP".equals(type) || "HTTP".equals(type) || "FHIR".equals(type)) {
            require(source.port() != null && source.port() >= 1 && source.port() <= 65535, "integration-source-port");
        } else {
            require(source.port() == null && source.host() == null, "integration-source-port");
        }
        if (source.charset() != null && !source.charset().isBlank()) {
            require(Charset.isSupported(source.charset()), "integration-source-charset");
        }
        if (source.dataType() != null) {
            DataType data = DataType.named(source.dataType()).orElse(null);
            require(data != null, "integration-source-data-type");
            require(data == null || !"MLLP".equals(type) || data == DataType.HL7V2, "integration-source-data-type");
            require(data == null || !"FHIR".equals(type) || data == DataType.FHIR, "integration-source-data-type");
        }
        if (source.path() != null) {
            require(("HTTP".equals(type) || "FHIR".equals(type)) && PATH.matcher(source.path()).matches(),
                    "integration-source-path");
        }
        if (source.token() != null) {
            require(("HTTP".equals(type) || "FHIR".equals(type)) && (source.token().length() >= 16 || SourceToken.isHashed(source.token()))
                    && source.token().length() <= 200, "integration-source-token");
        }
        if ("FHIR".equals(type)) {
            require(!source.resources().isEmpty() && source.resources().stream().allMatch(Fhir::isResourceType),
                    "integration-source-resources");
        } else {
            require(source.resources().isEmpty(), "integration-source-resources");
        }
        if ("FILE".equals(type)) {
            require(absolute(source.directory()), "integration-source-directory");
            require(source.pattern() == null || glob(source.pattern()), "integration-source-pattern");
            require(source.interval() == null || within(source.interval(), Duration.ofMillis(100), Duration.ofHours(1)),
                    "integration-source-interval");
            String after = source.after() == null ? "MOVE" : source.after().toUpperCase(java.util.Locale.ROOT);
            require(after.equals("MOVE") || after.equals("DELETE"), "integration-source-after");
            require(!after.equals("MOVE") || absolute(source.archive()) && !source.archive().equals(source.directory()),
                    "integration-source-archive");
        } else {
            require(source.directory() == null && source.pattern() == null && source.interval() == null
                    && source.after() == null && source.archive() == null, "integration-source-directory");
        }
    }

    private static final Pattern PATH = Pattern.compile("/[A-Za-z0-9._~/-]{0,200}");

    private static boolean absolute(String path) {
        try {
            return path != null && !path.isBlank() && java.nio.file.Path.of(path).isAbsolute();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean glob(String pattern) {
        try {
            java.nio.file.FileSystems.getDefault().getPathMatcher("glob:" + pattern);
            return !pattern.isBlank() && !pattern.contains("/");
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void step(ChannelDocument.Step step, DataType data) {
        require(step.to() != null && step.to().matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*"),
                "integration-step-to");
        int sources = (step.from() == null ? 0 : 1) + (step.constant() == null ? 0 : 1) + (step.jsonata() == null ? 0 : 1);
        require(sources == 1, "integration-step-source");
        if (step.from() != null) {
            require(data.isPath(step.from()), "integration-step-from");
        }
        if (step.jsonata() != null) {
            require(compiles(step.jsonata()), "integration-step-jsonata");
        }
    }

    private void destination(String code, ChannelDocument.Destination d, DataType data) {
        require(d.name() != null && NAME.matcher(d.name()).matches(), "integration-destination-name");
        require(DESTINATION_TYPES.contains(d.type()), "integration-destination-type");
        if ("HTTP".equals(d.type())) {
            require(httpUrl(d.url()), "integration-destination-url");
            require(d.method() == null || d.method().equalsIgnoreCase("POST") || d.method().equalsIgnoreCase("PUT"),
                    "integration-destination-method");
        } else {
            require(d.url() == null && d.method() == null, "integration-destination-url");
        }
        if ("FILE".equals(d.type())) {
            require(absolute(d.directory()), "integration-destination-directory");
            require(d.file() == null || FILE_NAME.matcher(d.file()).matches(), "integration-destination-file");
        } else {
            require(d.directory() == null && d.file() == null, "integration-destination-directory");
        }
        if ("CHANNEL".equals(d.type())) {
            require(d.channel() != null && CODE.matcher(d.channel()).matches(), "integration-destination-channel");
            require(!code.equals(d.channel()), "integration-channel-cycle");
        } else {
            require(d.channel() == null, "integration-destination-channel");
        }
        if (d.timeout() != null) {
            require(within(d.timeout(), Duration.ofMillis(100), Duration.ofMinutes(5)), "integration-destination-timeout");
        }
        if (d.retry() != null) {
            require(d.retry().initial() == null || within(d.retry().initial(), Duration.ofMillis(10), Duration.ofMinutes(10)),
                    "integration-destination-retry");
            require(d.retry().max() == null || within(d.retry().max(), Duration.ofMillis(10), Duration.ofHours(1)),
                    "integration-destination-retry");
            require(d.retry().rejections() == null || (d.retry().rejections() >= 0 && d.retry().rejections() <= 100),
                    "integration-destination-retry");
        }
        if (d.breaker() != null) {
            require(d.breaker().failures() == null || (d.breaker().failures() >= 1 && d.breaker().failures() <= 100),
                    "integration-destination-breaker");
            require(d.breaker().open() == null || within(d.breaker().open(), Duration.ofMillis(100), Duration.ofMinutes(10)),
                    "integration-destination-breaker");
        }
        if (d.parallel() != null) {
            require(d.parallel().key() != null && data.isPath(d.parallel().key()),
                    "integration-destination-parallel-key");
            require(d.parallel().workers() == null || (d.parallel().workers() >= 1 && d.parallel().workers() <= 32),
                    "integration-destination-parallel-workers");
        }
    }

    private static boolean httpUrl(String url) {
        try {
            URI uri = URI.create(url);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean compiles(String expression) {
        try {
            Jsonata.jsonata(expression);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean within(Duration value, Duration min, Duration max) {
        return value.compareTo(min) >= 0 && value.compareTo(max) <= 0;
    }

    private void require(boolean condition, String problem) {
        if (!condition) {
            problems.add(problem);
        }
    }
}
