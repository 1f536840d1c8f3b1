package org.medops.integration.channels;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.medops.integration.hl7.Hl7Message;

/**
 * A channel as its document says: one source, an optional filter (a JSONata boolean over the HL7 JSON form),
 * an optional transformer and one or more destinations. Optional fields may be left out;
 * {@link #effective()} fills in the defaults the engine runs with.
 */
public record ChannelDocument(String code, String name, String description, Source source, String filter,
                              Transformer transformer, List<Destination> destinations, Duplicates duplicates,
                              Response response, Retention retention) {

    public ChannelDocument {
        destinations = destinations == null ? List.of() : List.copyOf(destinations);
    }

    /** The document of the channel stored under {@code stored}: the code may be left out of the text. */
    /** Per destination the value of its parallel key in a message, for the destinations that have one. */
    public Map<String, String> laneKeys(Hl7Message message) {
        Map<String, String> keys = new java.util.HashMap<>();
        for (Destination destination : destinations) {
            String key = destination.laneKey(message);
            if (key != null) {
                keys.put(destination.name(), key);
            }
        }
        return keys;
    }

    public ChannelDocument withCode(String stored) {
        return new ChannelDocument(stored, name, description, source, filter, transformer, destinations, duplicates,
                response, retention);
    }

    /** The document with every default filled in: what a node deploys. */
    public ChannelDocument effective() {
        return new ChannelDocument(code, name, description == null ? "" : description, source.effective(),
                filter == null || filter.isBlank() ? null : filter, transformer == null ? null : transformer.effective(),
                destinations.stream().map(Destination::effective).toList(),
                duplicates == null ? Duplicates.DEFAULT : duplicates.effective(),
                response == null ? Response.DEFAULT : response.effective(),
                retention == null ? Retention.DEFAULT : retention.effective());
    }

    /**
     * Where messages come from. {@code MLLP}: a listener on {@code host}:{@code port}; {@code charset} is used when a
     * message's MSH-18 is empty (UTF-8 by default). {@code DATABASE}: every {@code interval} the {@code query} runs on
     * the registered JDBC {@code target}, each row becomes one JSON message, and {@code mark} (with the row's
     * columns as named parameters) runs once the message is stored.
     */
    public record Source(String type, Integer port, String host, String charset, String target, String query,
                         String mark, Duration interval) {

        public Source(String type, Integer port, String host, String charset) {
            this(type, port, host, charset, null, null, null, null);
        }

        public boolean isMllp() {
            return "MLLP".equals(type);
        }

        Source effective() {
            if ("DATABASE".equals(type)) {
                return new Source(type, null, null, null, target, query, mark,
                        interval == null ? Duration.ofSeconds(5) : interval);
            }
            return new Source(type, port, host == null || host.isBlank() ? "0.0.0.0" : host,
                    charset == null || charset.isBlank() ? "UTF-8" : charset, target, query, mark, interval);
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
     * Where a message goes, by {@code type}: {@code HTTP} ({@code url}, {@code method}), {@code MLLP} ({@code host},
     * {@code port}, {@code charset}), {@code FHIR} ({@code url} of the server's base, {@code resource}, {@code method}),
     * {@code DATABASE} ({@code target} a registered JDBC target, {@code statement} with named parameters) or
     * {@code NOTIFY} ({@code target} a notify target's name or id, {@code template}); {@code retry} and
     * {@code breaker} say how failures are handled; {@code parallel} (optional) spreads its queue over lanes by a
     * key so that order holds per key only.
     */
    public record Destination(String name, String type, String url, String method, Duration timeout, Retry retry,
                              Breaker breaker, String host, Integer port, String charset, String resource,
                              String target, String statement, String template, Parallel parallel) {

        public Destination(String name, String type, String url, String method, Duration timeout, Retry retry,
                           Breaker breaker) {
            this(name, type, url, method, timeout, retry, breaker, null, null, null, null, null, null, null, null);
        }

        /** Where it goes, in a word for lists: the URL, host:port or the target's code. */
        public String address() {
            return switch (type == null ? "" : type) {
                case "MLLP" -> host + ":" + port;
                case "FHIR" -> url + (resource == null ? "" : "/" + resource);
                case "DATABASE" -> "jdbc:" + target;
                case "NOTIFY" -> "notify:" + target;
                default -> url;
            };
        }

        Destination effective() {
            return new Destination(name, type, url, method == null || method.isBlank() ? "POST" : method.toUpperCase(),
                    timeout == null ? Duration.ofSeconds(10) : timeout,
                    retry == null ? Retry.DEFAULT : retry.effective(), breaker == null ? Breaker.DEFAULT : breaker.effective(),
                    host, port, charset == null || charset.isBlank() ? "UTF-8" : charset, resource, target, statement,
                    template, parallel == null ? null : parallel.effective());
        }

        /** How many lanes the queue has: 1 (all in order) unless parallel. */
        public int lanes() {
            return parallel == null || parallel.workers() == null ? 1 : parallel.workers();
        }

        /** The value of the parallel key in a message; null when not parallel or the message lacks it (lane 0). */
        public String laneKey(Hl7Message message) {
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
