package org.medops.integration.channels;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.medops.integration.data.DataType;
import org.medops.integration.data.Payload;

/**
 * A channel as its document says: one source, an optional filter (a JSONata boolean over the HL7 JSON form, or
 * a JavaScript body returning a boolean), an optional transformer, the code libraries its scripts call, and one
 * or more destinations (each with an optional filter and transformer of its own). Optional fields may be left
 * out; {@link #effective()} fills in the defaults the engine runs with.
 */
public record ChannelDocument(String code, String name, String description, Source source, String filter,
                              String filterJavascript, Transformer transformer, List<String> libraries,
                              List<Destination> destinations, Duplicates duplicates, Response response,
                              Retention retention) {

    public ChannelDocument {
        destinations = destinations == null ? List.of() : List.copyOf(destinations);
        libraries = libraries == null ? List.of() : List.copyOf(libraries);
    }

    public ChannelDocument(String code, String name, String description, Source source, String filter,
                           Transformer transformer, List<Destination> destinations, Duplicates duplicates) {
        this(code, name, description, source, filter, null, transformer, List.of(), destinations, duplicates, null, null);
    }

    /** Per destination the value of its parallel key in a message, for the destinations that have one. */
    public Map<String, String> laneKeys(org.medops.integration.hl7.Hl7Message message) {
        return laneKeys(org.medops.integration.data.Payloads.of(message));
    }

    /** Per destination the value of its parallel key in a message of any data type. */
    public Map<String, String> laneKeys(Payload message) {
        Map<String, String> keys = new java.util.HashMap<>();
        for (Destination destination : destinations) {
            String key = destination.laneKey(message);
            if (key != null) {
                keys.put(destination.name(), key);
            }
        }
        return keys;
    }

    /** The document of the channel stored under {@code stored}: the code may be left out of the text. */
    public ChannelDocument withCode(String stored) {
        return new ChannelDocument(stored, name, description, source, filter, filterJavascript, transformer, libraries,
                destinations, duplicates, response, retention);
    }

    /** The codes of the channels this one's channel writers hand messages to. */
    public List<String> channelTargets() {
        return destinations.stream().filter(d -> "CHANNEL".equals(d.type()) && d.channel() != null)
                .map(Destination::channel).toList();
    }

    /** A copy whose source token is {@code token} (its hash, when the document is stored). */
    ChannelDocument withSourceToken(String token) {
        return new ChannelDocument(code, name, description, source.withToken(token), filter, filterJavascript, transformer,
                libraries, destinations, duplicates, response, retention);
    }

    /** The document with every default filled in: what a node deploys. */
    public ChannelDocument effective() {
        return new ChannelDocument(code, name, description == null ? "" : description, source.effective(),
                blankToNull(filter), blankToNull(filterJavascript), transformer == null ? null : transformer.effective(),
                libraries, destinations.stream().map(Destination::effective).toList(),
                duplicates == null ? Duplicates.DEFAULT : duplicates.effective(),
                response == null ? Response.DEFAULT : response.effective(),
                retention == null ? Retention.DEFAULT : retention.effective());
    }

    /** Whether the channel's scripts may call the library (so a change to it reaches the channel). */
    public boolean usesLibrary(String library) {
        return libraries.contains(library);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /**
     * Where messages come from: {@code MLLP}, {@code HTTP} or {@code FHIR} listeners ({@code port}, {@code host};
     * HTTP at {@code path}, FHIR with {@code resources} under {@code path}; {@code token} a shared secret stored as
     * {@code sha256:<hex>}), a {@code FILE} reader ({@code directory}, {@code pattern}, {@code interval},
     * {@code after} MOVE to {@code archive} or DELETE), {@code CHANNEL} (another channel's channel writer) or
     * {@code DATABASE} (every {@code interval} the {@code query} runs on the registered JDBC {@code target}, each
     * row becomes one JSON message, and {@code mark}, with the row's columns as named parameters, runs once it is
     * stored). {@code dataType} says what the bytes are; {@code charset} decodes them (for HL7 when MSH-18 is empty).
     */
    public record Source(String type, Integer port, String host, String charset, String dataType, String path,
                         String token, List<String> resources, String directory, String pattern, Duration interval,
                         String after, String archive, String target, String query, String mark) {

        public Source {
            resources = resources == null ? List.of() : List.copyOf(resources);
        }

        public Source(String type, Integer port, String host, String charset) {
            this(type, port, host, charset, null, null, null, null, null, null, null, null, null, null, null, null);
        }

        public boolean isMllp() {
            return "MLLP".equals(type);
        }

        Source effective() {
            if ("DATABASE".equals(type)) {
                return new Source(type, null, null, null, DataType.JSON.name(), null, null, List.of(), null, null,
                        interval == null ? Duration.ofSeconds(5) : interval, null, null, target, query, mark);
            }
            return new Source(type, port, host == null || host.isBlank() ? "0.0.0.0" : host,
                    charset == null || charset.isBlank() ? "UTF-8" : charset,
                    dataType == null || dataType.isBlank() ? DataType.defaultFor(type).name() : dataType.toUpperCase(java.util.Locale.ROOT),
                    path == null || path.isBlank() ? ("FHIR".equals(type) ? "/fhir" : "/") : path,
                    token == null || token.isBlank() ? null : token, resources, directory,
                    pattern == null || pattern.isBlank() ? "*" : pattern, interval == null ? Duration.ofSeconds(5) : interval,
                    after == null || after.isBlank() ? "MOVE" : after.toUpperCase(java.util.Locale.ROOT), archive,
                    target, query, mark);
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
                    after, archive, target, query, mark);
        }
    }

    /**
     * The output body: without a transformer the raw message goes out; with one, a JSON object built by the
     * steps in order, or the result of a JSONata expression ({@code jsonata}, with {@code $steps} bound to the
     * steps' output) or a JavaScript body ({@code javascript}, seeing {@code msg} and {@code steps}) applied after
     * the steps. At most one of the two.
     */
    public record Transformer(List<Step> steps, String jsonata, String javascript) {

        public Transformer {
            steps = steps == null ? List.of() : List.copyOf(steps);
        }

        public Transformer(List<Step> steps, String jsonata) {
            this(steps, jsonata, null);
        }

        Transformer effective() {
            return new Transformer(steps, blankToNull(jsonata), blankToNull(javascript));
        }
    }

    /**
     * Sets {@code to} (a dotted path in the output JSON) from exactly one of: {@code from} (an HL7 path such as
     * {@code PID-5.1}), {@code constant}, {@code jsonata}, or {@code javascript} (a function body seeing {@code msg}
     * and {@code steps}, the output so far); {@code table} then maps the value (a code-table lookup) and
     * {@code fallback} stands in when the value is missing or not in the table.
     */
    public record Step(String to, String from, String constant, String jsonata, String javascript,
                       Map<String, String> table, String fallback) {

        public Step {
            table = table == null ? Map.of() : Map.copyOf(table);
        }

        public Step(String to, String from, String constant, String jsonata, Map<String, String> table, String fallback) {
            this(to, from, constant, jsonata, null, table, fallback);
        }
    }

    /**
     * Where a message goes, by {@code type}: {@code HTTP} ({@code url}, {@code method}), {@code MLLP} ({@code host},
     * {@code port}, {@code charset}), {@code FHIR} ({@code url} of the server's base, {@code resource}, {@code method}),
     * {@code DATABASE} ({@code target} a registered JDBC target, {@code statement} with named parameters),
     * {@code NOTIFY} ({@code target} a notify target's name or id, {@code template}), a {@code FILE} writer
     * ({@code directory}, {@code file} name with {@code ${controlId}}, {@code ${messageId}}, {@code ${channel}}) or a
     * {@code CHANNEL} writer (the code of the {@code channel} whose intake takes the message); {@code retry} and
     * {@code breaker} say how failures are handled; {@code parallel} (optional) spreads its queue over lanes by a
     * key so that order holds per key only. Its own {@code filter} (or {@code filterJavascript}) and
     * {@code transformer} run after the channel's, over the same JSON form with the channel's output bound as
     * {@code $output} / {@code output}; without a transformer it is sent the channel's output.
     */
    public record Destination(String name, String type, String url, String method, Duration timeout, Retry retry,
                              Breaker breaker, String host, Integer port, String charset, String resource,
                              String target, String statement, String template, String filter,
                              String filterJavascript, Transformer transformer, Parallel parallel, String directory,
                              String file, String channel) {

        public Destination(String name, String type, String url, String method, Duration timeout, Retry retry,
                           Breaker breaker) {
            this(name, type, url, method, timeout, retry, breaker, null, null, null, null, null, null, null, null, null,
                    null, null, null, null, null);
        }

        /** Where it goes, in a word for lists: the URL, host:port, the directory or the target's code. */
        public String address() {
            return switch (type == null ? "" : type) {
                case "MLLP" -> host + ":" + port;
                case "FHIR" -> url + (resource == null ? "" : "/" + resource);
                case "DATABASE" -> "jdbc:" + target;
                case "NOTIFY" -> "notify:" + target;
                case "FILE" -> "file:" + directory;
                case "CHANNEL" -> "channel:" + channel;
                default -> url;
            };
        }

        Destination effective() {
            return new Destination(name, type, url, method == null || method.isBlank() ? "POST" : method.toUpperCase(),
                    timeout == null ? Duration.ofSeconds(10) : timeout,
                    retry == null ? Retry.DEFAULT : retry.effective(), breaker == null ? Breaker.DEFAULT : breaker.effective(),
                    host, port, charset == null || charset.isBlank() ? "UTF-8" : charset, resource, target, statement,
                    template, blankToNull(filter), blankToNull(filterJavascript),
                    transformer == null ? null : transformer.effective(), parallel == null ? null : parallel.effective(),
                    directory, file == null || file.isBlank() ? "${messageId}.json" : file, channel);
        }

        /** How many lanes the queue has: 1 (all in order) unless parallel. */
        public int lanes() {
            return parallel == null || parallel.workers() == null ? 1 : parallel.workers();
        }

        /** The value of the parallel key in a message; null when not parallel or the message lacks it (lane 0). */
        public String laneKey(org.medops.integration.hl7.Hl7Message message) {
            return laneKey(org.medops.integration.data.Payloads.of(message));
        }

        /** The value of the parallel key (a path of the source's data type) in a message; null when not parallel. */
        public String laneKey(Payload message) {
            if (parallel == null || parallel.key() == null) {
                return null;
            }
            return message.value(parallel.key()).filter(v -> !v.isBlank()).orElse(null);
        }
    }

    /**
     * Parallel delivery per key: {@code key} an HL7 path (e.g. {@code PID-3.1}, the patient), {@code workers} the
     * lanes; a key always maps to the same lane, and each lane is delivered in order.
     */
    public record Parallel(String key, Integer workers) {

        static final int DEFAULT_WORKERS = 4;

        Parallel effective() {
            return new Parallel(key, workers == null ? DEFAULT_WORKERS : workers);
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

    /**
     * How long the store keeps a message: its content (raw, transformed, sent, responses) {@code content} days, its
     * metadata (status, times, control id, errors) {@code metadata} days; whole days, as ISO durations ("P30D").
     */
    public record Retention(Duration content, Duration metadata) {

        public static final Retention DEFAULT = new Retention(Duration.ofDays(30), Duration.ofDays(180));

        Retention effective() {
            return new Retention(content == null ? DEFAULT.content : content,
                    metadata == null ? DEFAULT.metadata : metadata);
        }

        public int contentDays() {
            return (int) content.toDays();
        }

        public int metadataDays() {
            return (int) metadata.toDays();
        }
    }

    /**
     * When and with what the source answers (Mirth's response modes). {@code RECEIVED}: AA once stored, even when
     * the filter or transformer failed; {@code PROCESSED} (default): once stored, AE when processing failed;
     * {@code DELIVERED}: once every destination has it (AE when one parked it or when {@code timeout} passed first);
     * {@code DESTINATION}: with the response of {@code destination} (its ACK's code and text when it answered HL7).
     */
    public record Response(Mode mode, String destination, Duration timeout) {

        public enum Mode { RECEIVED, PROCESSED, DELIVERED, DESTINATION }

        static final Response DEFAULT = new Response(Mode.PROCESSED, null, Duration.ofSeconds(30));

        Response effective() {
            return new Response(mode == null ? DEFAULT.mode : mode, destination,
                    timeout == null ? DEFAULT.timeout : timeout);
        }

        /** Whether the answer waits for the destinations. */
        public boolean waitsForDelivery() {
            return mode == Mode.DELIVERED || mode == Mode.DESTINATION;
        }
    }
}
