package org.medops.integration.channels;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A channel as its document says: one source, an optional filter (a JSONata boolean over the HL7 JSON form, or
 * a JavaScript body returning a boolean), an optional transformer, the code libraries its scripts call, and one
 * or more destinations (each with an optional filter and transformer of its own). Optional fields may be left
 * out; {@link #effective()} fills in the defaults the engine runs with.
 */
public record ChannelDocument(String code, String name, String description, Source source, String filter,
                              String filterJavascript, Transformer transformer, List<String> libraries,
                              List<Destination> destinations, Duplicates duplicates) {

    public ChannelDocument {
        destinations = destinations == null ? List.of() : List.copyOf(destinations);
        libraries = libraries == null ? List.of() : List.copyOf(libraries);
    }

    public ChannelDocument(String code, String name, String description, Source source, String filter,
                           Transformer transformer, List<Destination> destinations, Duplicates duplicates) {
        this(code, name, description, source, filter, null, transformer, List.of(), destinations, duplicates);
    }

    /** The document of the channel stored under {@code stored}: the code may be left out of the text. */
    public ChannelDocument withCode(String stored) {
        return new ChannelDocument(stored, name, description, source, filter, filterJavascript, transformer, libraries,
                destinations, duplicates);
    }

    /** The document with every default filled in: what a node deploys. */
    public ChannelDocument effective() {
        return new ChannelDocument(code, name, description == null ? "" : description, source.effective(),
                blankToNull(filter), blankToNull(filterJavascript), transformer == null ? null : transformer.effective(),
                libraries, destinations.stream().map(Destination::effective).toList(),
                duplicates == null ? Duplicates.DEFAULT : duplicates.effective());
    }

    /** Whether the channel's scripts may call the library (so a change to it reaches the channel). */
    public boolean usesLibrary(String library) {
        return libraries.contains(library);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /** An MLLP listener; {@code charset} is used when a message's MSH-18 is empty (UTF-8 by default). */
    public record Source(String type, Integer port, String host, String charset) {

        Source effective() {
            return new Source(type, port, host == null || host.isBlank() ? "0.0.0.0" : host,
                    charset == null || charset.isBlank() ? "UTF-8" : charset);
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
     * An HTTP destination; {@code retry} and {@code breaker} say how failures are handled. Its own {@code filter}
     * (or {@code filterJavascript}) and {@code transformer} run after the channel's, over the same HL7 JSON form
     * with the channel's output bound as {@code $output} / {@code output}; without a transformer it is sent the
     * channel's output.
     */
    public record Destination(String name, String type, String url, String method, Duration timeout, Retry retry,
                              Breaker breaker, String filter, String filterJavascript, Transformer transformer) {

        public Destination(String name, String type, String url, String method, Duration timeout, Retry retry,
                           Breaker breaker) {
            this(name, type, url, method, timeout, retry, breaker, null, null, null);
        }

        Destination effective() {
            return new Destination(name, type, url, method == null || method.isBlank() ? "POST" : method.toUpperCase(),
                    timeout == null ? Duration.ofSeconds(10) : timeout,
                    retry == null ? Retry.DEFAULT : retry.effective(), breaker == null ? Breaker.DEFAULT : breaker.effective(),
                    blankToNull(filter), blankToNull(filterJavascript), transformer == null ? null : transformer.effective());
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
