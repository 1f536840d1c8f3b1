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
import java.util.function.Predicate;

import org.medops.integration.hl7.Hl7Message;
import org.medops.integration.scripts.Sandbox;
import org.medops.integration.scripts.ScriptFailed;
import org.medops.integration.scripts.ScriptLimits;
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

    private static final Set<String> DESTINATION_TYPES = Set.of("HTTP", "MLLP", "FHIR", "DATABASE", "NOTIFY", "FILE", "CHANNEL",
            "CRITICAL_VALUE");
    private static final Pattern RESOURCE = Pattern.compile("[A-Z][A-Za-z]{1,63}");
    /** Only compiles, never runs: the limits do not matter here. */
    private static final Sandbox SYNTAX = new Sandbox(ScriptLimits.DEFAULT);
    private static final Duration LONGEST_RETENTION = Duration.ofDays(3650);

    private final List<String> problems = new ArrayList<>();
    private final List<ChannelReferences> references;
    private final Predicate<String> libraryExists;

    private ChannelValidation(List<ChannelReferences> references, Predicate<String> libraryExists) {
        this.references = references;
        this.libraryExists = libraryExists;
    }

    static void check(String code, ChannelDocument document) {
        check(code, document, List.of(), library -> false);
    }

    /**
     * {@code references} answer whether a named JDBC or notify target exists (a kind nobody answers is unknown),
     * {@code libraryExists} whether a code library does.
     */
    static void check(String code, ChannelDocument document, List<ChannelReferences> references,
                      Predicate<String> libraryExists) {
        ChannelValidation v = new ChannelValidation(references, libraryExists);
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
        if (d.source() != null && "DATABASE".equals(d.source().type())) {
            // A row is JSON, not HL7: the HL7 filter and transformer do not apply to it (yet).
            require(d.filter() == null && d.filterJavascript() == null && d.transformer() == null,
                    "integration-source-database-transform");
        }
        DataType data = d.source() == null ? DataType.HL7V2 : d.source().effective().data();
        filter(d.filter(), d.filterJavascript());
        transformer(d.transformer(), data);
        for (String library : d.libraries()) {
            require(library != null && CODE.matcher(library).matches() && libraryExists.test(library),
                    "integration-channel-library");
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
        if (d.retention() != null) {
            retention(d.retention().effective());
        }
        response(d.response(), names);
    }

    /** Whole days (partitions are days), content at least a day, metadata at least as long as content. */
    private void retention(ChannelDocument.Retention r) {
        boolean content = wholeDays(r.content()) && within(r.content(), Duration.ofDays(1), LONGEST_RETENTION);
        boolean metadata = wholeDays(r.metadata()) && within(r.metadata(), Duration.ofDays(1), LONGEST_RETENTION);
        require(content, "integration-retention-content");
        require(metadata, "integration-retention-metadata");
        require(!content || !metadata || r.metadata().compareTo(r.content()) >= 0, "integration-retention-order");
    }

    private static boolean wholeDays(Duration value) {
        return !value.isNegative() && value.toSeconds() % 86_400 == 0;
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

    private void filter(String jsonata, String javascript) {
        require(present(jsonata) == 0 || present(javascript) == 0, "integration-filter-twice");
        if (present(jsonata) == 1) {
            require(compiles(jsonata), "integration-channel-filter");
        }
        if (present(javascript) == 1) {
            require(scriptCompiles(javascript), "integration-filter-javascript");
        }
    }

    private void transformer(ChannelDocument.Transformer transformer, DataType data) {
        if (transformer == null) {
            return;
        }
        transformer.steps().forEach(step -> step(step, data));
        require(present(transformer.jsonata()) == 0 || present(transformer.javascript()) == 0,
                "integration-transformer-twice");
        if (present(transformer.jsonata()) == 1) {
            require(compiles(transformer.jsonata()), "integration-channel-jsonata");
        }
        if (present(transformer.javascript()) == 1) {
            require(scriptCompiles(transformer.javascript()), "integration-transformer-javascript");
        }
    }

    private static int present(String text) {
        return text == null || text.isBlank() ? 0 : 1;
    }

    private static boolean scriptCompiles(String body) {
        try {
            SYNTAX.checkBody(body);
            return true;
        } catch (ScriptFailed e) {
            return false;
        }
    }
    private static final Set<String> SOURCE_TYPES = Set.of("MLLP", "HTTP", "FHIR", "FILE", "CHANNEL", "DATABASE");

    private void source(ChannelDocument.Source source) {
        if (source == null) {
            problems.add("integration-source-missing");
            return;
        }
        String type = source.type();
        if ("DATABASE".equals(type)) {
            require(known(ChannelReferences.JDBC_TARGET, source.target()), "integration-source-target");
            require(source.query() != null && source.query().strip().toLowerCase().matches("(?s)(select|with)\\s.*"),
                    "integration-source-query");
            require(source.mark() != null && !source.mark().isBlank(), "integration-source-mark");
            require(source.interval() == null || within(source.interval(), Duration.ofMillis(100), Duration.ofHours(1)),
                    "integration-source-interval");
            return;
        }
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
        int sources = (step.from() == null ? 0 : 1) + (step.constant() == null ? 0 : 1) + (step.jsonata() == null ? 0 : 1)
                + (step.javascript() == null ? 0 : 1);
        require(sources == 1, "integration-step-source");
        if (step.from() != null) {
            require(data.isPath(step.from()), "integration-step-from");
        }
        if (step.jsonata() != null) {
            require(compiles(step.jsonata()), "integration-step-jsonata");
        }
        if (step.javascript() != null) {
            require(scriptCompiles(step.javascript()), "integration-step-javascript");
        }
    }

    private void destination(String code, ChannelDocument.Destination d, DataType data) {
        require(d.name() != null && NAME.matcher(d.name()).matches(), "integration-destination-name");
        require(DESTINATION_TYPES.contains(d.type()), "integration-destination-type");
        switch (d.type() == null ? "" : d.type()) {
            case "HTTP" -> {
                require(httpUrl(d.url()), "integration-destination-url");
                require(postOrPut(d.method()), "integration-destination-method");
            }
            case "FHIR" -> {
                require(httpUrl(d.url()), "integration-destination-url");
                require(d.resource() != null && RESOURCE.matcher(d.resource()).matches(), "integration-destination-resource");
                require(postOrPut(d.method()), "integration-destination-method");
            }
            case "MLLP" -> {
                require(d.host() != null && d.host().matches("[A-Za-z0-9.:\\[\\]-]{1,253}"), "integration-destination-host");
                require(d.port() != null && d.port() >= 1 && d.port() <= 65535, "integration-destination-port");
                require(d.charset() == null || d.charset().isBlank() || Charset.isSupported(d.charset()),
                        "integration-destination-charset");
            }
            case "DATABASE" -> {
                require(known(ChannelReferences.JDBC_TARGET, d.target()), "integration-destination-target");
                require(d.statement() != null && !d.statement().isBlank(), "integration-destination-statement");
            }
            case "NOTIFY" -> {
                require(known(ChannelReferences.NOTIFY_TARGET, d.target()), "integration-destination-target");
                require(d.template() != null && !d.template().isBlank(), "integration-destination-template");
            }
            case "FILE" -> {
                require(absolute(d.directory()), "integration-destination-directory");
                require(d.file() == null || FILE_NAME.matcher(d.file()).matches(), "integration-destination-file");
            }
            case "CHANNEL" -> {
                require(d.channel() != null && CODE.matcher(d.channel()).matches(), "integration-destination-channel");
                require(!code.equals(d.channel()), "integration-channel-cycle");
            }
            default -> {
            }
        }
        if (!"FILE".equals(d.type())) {
            require(d.directory() == null, "integration-destination-directory");
        }
        if (!"CHANNEL".equals(d.type())) {
            require(d.channel() == null, "integration-destination-channel");
        }
        filter(d.filter(), d.filterJavascript());
        transformer(d.transformer(), data);
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

    private static boolean postOrPut(String method) {
        return method == null || method.equalsIgnoreCase("POST") || method.equalsIgnoreCase("PUT");
    }

    private boolean known(String kind, String code) {
        return code != null && !code.isBlank()
                && references.stream().anyMatch(r -> r.kind().equals(kind) && r.exists(code));
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
