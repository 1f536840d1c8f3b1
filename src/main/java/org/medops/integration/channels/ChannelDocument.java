package org.medops.integration.channels;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.medops.integration.data.DataType;

/**
 * A channel as its document says: one source, an optional filter (a JSONata boolean over the HL7 JSON form),
 * an optional transformer and one or more destinations. Optional fields may be left out;
 * {@link #effective()} fills in the defaults the engine runs with.
 */
public record ChannelDocument(String code, String name, String description, Source source, String filter,
                              Transformer transformer, List<Destination> destinations, Duplicates duplicates) {

    public ChannelDocument {
        destinations = destinations == null ? List.of() : List.copyOf(destinations);
    }

    /** The document of the channel stored under {@code stored}: the code may be left out of the text. */
    public ChannelDocument withCode(String stored) {
        return new ChannelDocument(stored, name, description, source, filter, transformer, destinations, duplicates);
    }

    /** The codes of the channels this one's channel writers hand messages to. */
    public List<String> channelTargets() {
        return destinations.stream().filter(d -> "CHANNEL".equals(d.type()) && d.channel() != null)
                .map(Destination::channel).toList();
    }

    /** A copy whose source token is {@code token} (its hash, when the document is stored). */
    ChannelDocument withSourceToken(String token) {
        return new ChannelDocument(code, name, description, source.withToken(token), filter, transformer, destinations,
                duplicates);
    }

    /** The document with every default filled in: what a node deploys. */
    public ChannelDocument effective() {
        return new ChannelDocument(code, name, description == null ? "" : description, source.effective(),
                filter == null || filter.isBlank() ? null : filter, transformer == null ? null : transformer.effective(),
                destinations.stream().map(Destination::effective).toList(),
                duplicates == null ? Duplicates.DEFAULT : duplicates.effective());
    }

    /**
     * Where messages come from: {@code MLLP}, {@code HTTP} or {@code FHIR} listeners ({@code port}, {@code host};
     * HTTP at {@code path}, FHIR with {@code resources} under {@code path}; {@code token} a shared secret stored as
     * {@code sha256:<hex>}), a {@code FILE} reader ({@code directory}, {@code pattern}, {@code interval},
     * {@code after} MOVE to {@code archive} or DELETE) or {@code CHANNEL} (another channel's channel writer).
     * {@code dataType} says what the bytes are; {@code charset} decodes them (for HL7 when MSH-18 is empty).
     */
    public record Source(String type, Integer port, String host, String charset, String dataType, String path,
                         String token, List<String> resources, String directory, String pattern, Duration interval,
                         String after, String archive) {

        public Source {
            resources = resources == null ? List.of() : List.copyOf(resources);
        }

        public Source(String type, Integer port, String host, String charset) {
            this(type, port, host, charset, null, null, null, null, null, null, null, null, null);
        }

        Source effective() {
            return new Source(type, port, host == null || host.isBlank() ? "0.0.0.0" : host,
                    charset == null || charset.isBlank() ? "UTF-8" : charset,
                    dataType == null || dataType.isBlank() ? DataType.defaultFor(type).name() : dataType.toUpperCase(java.util.Locale.ROOT),
                    path == null || path.isBlank() ? ("FHIR".equals(type) ? "/fhir" : "/") : path,
                    token == null || token.isBlank() ? null : token, resources, directory,
                    pattern == null || pattern.isBlank() ? "*" : pattern, interval == null ? Duration.ofSeconds(5) : interval,
                    after == null || after.isBlank() ? "MOVE" : after.toUpperCase(java.util.Locale.ROOT), archive);
        }

        /** The data type (of an effective source). */
        public DataType data() {
            return DataType.named(dataType).orElse(DataType.defaultFor(type));
        }

        /** Whether a listener of this source can take {@code other} over in place (the same socket or directory). */
        public boolean sameBinding(Source other) {
            return java.util.Objects.equals(type, other.type) && java.util.Objects.equals(port, other.port)
                    && java.util.Objects.equals(host, other.host) && java.util.Objects.equals(directory, other.directory)
                    && java.util.Objects.equals(pattern, other.pattern) && java.util.Objects.equals(interval, other.interval);
        }

        /** A copy with the token replaced (by its hash, when a document is stored). */
        Source withToken(String replaced) {
            return new Source(type, port, host, charset, dataType, path, replaced, resources, directory, pattern, interval,
                    after, archive);
        }
    }

    /**
     * The output body: without a transformer the raw message goes out; with one, a JSON object built by the
     * steps in order, or the result of a JSONata expression over the HL7 JSON form (applied after the steps,
     * with {@code $steps} bound to their output).
     */
    public record Transformer(List<Step> steps, String jsonata) {

        public Transformer {
            steps = steps == null ? List.of() : List.copyOf(steps);
        }

        Transformer effective() {
            return new Transformer(steps, jsonata == null || jsonata.isBlank() ? null : jsonata);
        }
    }

    /**
     * Sets {@code to} (a dotted path in the output JSON) from exactly one of: {@code from} (an HL7 path such as
     * {@code PID-5.1}), {@code constant}, or {@code jsonata}; {@code table} then maps the value (a code-table
     * lookup) and {@code fallback} stands in when the value is missing or not in the table.
     */
    public record Step(String to, String from, String constant, String jsonata, Map<String, String> table,
                       String fallback) {

        public Step {
            table = table == null ? Map.of() : Map.copyOf(table);
        }
    }

    /**
     * An {@code HTTP} destination ({@code url}, {@code method}), a {@code FILE} writer ({@code directory}, {@code file}
     * name with {@code ${controlId}}, {@code ${messageId}}, {@code ${channel}}) or a {@code CHANNEL} writer (the
     * code of the {@code channel} whose intake takes the message); {@code retry} and {@code breaker} say how
     * failures are handled.
     */
    public record Destination(String name, String type, String url, String method, Duration timeout, Retry retry,
                              Breaker breaker, String directory, String file, String channel) {

        public Destination(String name, String type, String url, String method, Duration timeout, Retry retry,
                           Breaker breaker) {
            this(name, type, url, method, timeout, retry, breaker, null, null, null);
        }

        Destination effective() {
            return new Destination(name, type, url, method == null || method.isBlank() ? "POST" : method.toUpperCase(),
                    timeout == null ? Duration.ofSeconds(10) : timeout,
                    retry == null ? Retry.DEFAULT : retry.effective(), breaker == null ? Breaker.DEFAULT : breaker.effective(),
                    directory, file == null || file.isBlank() ? "${messageId}.json" : file, channel);
        }

        /** What the console and the destinations API show as the target. */
        public String target() {
            return switch (type == null ? "" : type) {
                case "FILE" -> "file:" + directory;
                case "CHANNEL" -> "channel:" + channel;
                default -> url;
            };
        }
    }

    /**
     * Unreachable, timed out and 5xx are retried forever, waiting {@code initial} doubled per attempt with jitter,
     * at most {@code max}; a rejection (4xx) is retried {@code rejections} times, then parked as errored.
     */
    public record Retry(Duration initial, Duration max, Integer rejections) {

        static final Retry DEFAULT = new Retry(Duration.ofMillis(500), Duration.ofSeconds(60), 3);

        Retry effective() {
            return new Retry(initial == null ? DEFAULT.initial : initial, max == null ? DEFAULT.max : max,
                    rejections == null ? DEFAULT.rejections : rejections);
        }
    }

    /** Opens after {@code failures} failed deliveries in a row and tries again after {@code open}. */
    public record Breaker(Integer failures, Duration open) {

        static final Breaker DEFAULT = new Breaker(5, Duration.ofSeconds(10));

        Breaker effective() {
            return new Breaker(failures == null ? DEFAULT.failures : failures, open == null ? DEFAULT.open : open);
        }
    }

    /** A message whose MSH-10 the channel took within {@code window} is acknowledged but not delivered again. */
    public record Duplicates(Boolean enabled, Duration window) {

        static final Duplicates DEFAULT = new Duplicates(true, Duration.ofHours(24));

        Duplicates effective() {
            return new Duplicates(enabled == null ? DEFAULT.enabled : enabled, window == null ? DEFAULT.window : window);
        }
    }
}
