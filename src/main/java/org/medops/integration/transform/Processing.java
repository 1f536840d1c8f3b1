package org.medops.integration.transform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.dashjoin.jsonata.Jsonata;
import org.medops.integration.channels.ChannelDocument;
import org.medops.integration.data.Payload;
import org.medops.integration.data.Payloads;
import org.medops.integration.hl7.Hl7Message;
import org.medops.integration.scripts.LibrarySources;
import org.medops.integration.scripts.Sandbox;
import org.medops.integration.scripts.ScriptFailed;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs a channel's stages over one message: the channel's filter and transformer, then each destination's own
 * filter and transformer (over the same HL7 JSON form, with the channel's output bound as {@code $output} /
 * {@code output}). A filter is JSONata or JavaScript; steps and transformers may be either.
 */
@Component
public class Processing {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final Expressions expressions = new Expressions();
    private final Sandbox sandbox;
    private final LibrarySources libraries;

    public Processing(Sandbox sandbox, LibrarySources libraries) {
        this.sandbox = sandbox;
        this.libraries = libraries;
    }

    /** What the engine stores: failed on the first error, filtered when the channel (or every destination) says no. */
    public Processed process(ChannelDocument channel, Hl7Message message) {
        return process(channel, Payloads.of(message));
    }

    /** Any data type: filters and scripts see its JSON form, a step's {@code from} is a path in it. */
    public Processed process(ChannelDocument channel, Payload message) {
        return trial(channel, message, false).processed();
    }

    /** Every stage with its steps' outputs, for the test console; nothing is stored or sent. */
    public Trial test(ChannelDocument channel, Hl7Message message) {
        return test(channel, Payloads.of(message));
    }

    public Trial test(ChannelDocument channel, Payload message) {
        Run run = trial(channel, message, true);
        Processed processed = run.processed();
        return new Trial(run.input == null ? null : run.input.tree(), run.channel, run.destinations, processed.outcome(),
                processed.error());
    }

    /** {@code showsJsonForm}: the test console shows the JSON form whatever the stages read. */
    private Run trial(ChannelDocument channel, Payload message, boolean showsJsonForm) {
        Input input = new Input(message, channel.libraries());
        try {
            if (showsJsonForm || readsJsonForm(channel)) {
                input.map();
            }
        } catch (RuntimeException e) {
            return Run.unreadable("message cannot be read as JSON: " + e.getMessage());
        }
        Trial.Stage stage = stage(null, channel.filter(), channel.filterJavascript(), channel.transformer(), input, null);
        Run run = new Run(input, stage, channel.destinations().size());
        if (stage.error() != null || Boolean.FALSE.equals(stage.filter())) {
            return run;
        }
        JsonNode boundOutput = stage.output() == null ? NODES.textNode(message.text()) : stage.output();
        for (ChannelDocument.Destination d : channel.destinations()) {
            if (d.filter() == null && d.filterJavascript() == null && d.transformer() == null) {
                continue;
            }
            Trial.Stage own = stage(d.name(), d.filter(), d.filterJavascript(), d.transformer(), input, boundOutput);
            run.destinations.add(own);
            if (own.error() != null) {
                return run;
            }
        }
        return run;
    }

    /** Whether a stage reads the message's JSON form (a filter, JSONata or a script); mapping steps and constants
     * read paths in the message itself, so a channel of only those never builds it. */
    private static boolean readsJsonForm(ChannelDocument channel) {
        if (readsJsonForm(channel.filter(), channel.filterJavascript(), channel.transformer())) {
            return true;
        }
        return channel.destinations().stream()
                .anyMatch(d -> readsJsonForm(d.filter(), d.filterJavascript(), d.transformer()));
    }

    private static boolean readsJsonForm(String filter, String filterJavascript, ChannelDocument.Transformer transformer) {
        if (filter != null || filterJavascript != null) {
            return true;
        }
        return transformer != null && (transformer.jsonata() != null || transformer.javascript() != null
                || transformer.steps().stream().anyMatch(step -> step.jsonata() != null || step.javascript() != null));
    }

    private Trial.Stage stage(String name, String filter, String filterJavascript, ChannelDocument.Transformer transformer,
                              Input input, JsonNode output) {
        Boolean verdict = null;
        if (filter != null || filterJavascript != null) {
            try {
                Object result = filter != null ? expressions.evaluate(filter, input.map(), bindings(output, null))
                        : script(filterJavascript, input, null, output);
                verdict = result instanceof Boolean pass ? pass
                        : result instanceof JsonNode node && node.isBoolean() && node.booleanValue();
            } catch (RuntimeException e) {
                return new Trial.Stage(name, null, List.of(), null, "filter failed: " + reason(e));
            }
            if (!verdict) {
                return new Trial.Stage(name, false, List.of(), null, null);
            }
        }
        if (transformer == null) {
            return new Trial.Stage(name, verdict, List.of(), null, null);
        }
        List<Trial.StepOutput> outputs = new ArrayList<>();
        ObjectNode steps = NODES.objectNode();
        int index = 0;
        for (ChannelDocument.Step step : transformer.steps()) {
            index++;
            try {
                JsonNode value = value(step, input, steps, output);
                if (value == null || value.isNull()) {
                    value = step.fallback() == null ? null : NODES.textNode(step.fallback());
                }
                if (value != null) {
                    set(steps, step.to(), value);
                }
                outputs.add(new Trial.StepOutput(index, step.to(), value, null));
            } catch (RuntimeException e) {
                String error = "step " + index + " (" + step.to() + ") failed: " + reason(e);
                outputs.add(new Trial.StepOutput(index, step.to(), null, error));
                return new Trial.Stage(name, verdict, outputs, null, "transformer failed: " + error);
            }
        }
        try {
            JsonNode result;
            if (transformer.jsonata() != null) {
                Object value = expressions.evaluate(transformer.jsonata(), input.map(),
                        bindings(output, JSON.convertValue(steps, Map.class)));
                result = value == null || value == Jsonata.NULL_VALUE ? NODES.nullNode() : JSON.valueToTree(value);
            } else if (transformer.javascript() != null) {
                result = script(transformer.javascript(), input, steps, output);
                result = result == null ? NODES.nullNode() : result;
            } else {
                result = steps;
            }
            return new Trial.Stage(name, verdict, outputs, result, null);
        } catch (RuntimeException e) {
            return new Trial.Stage(name, verdict, outputs, null, "transformer failed: " + reason(e));
        }
    }

    private JsonNode value(ChannelDocument.Step step, Input input, ObjectNode steps, JsonNode output) {
        JsonNode value;
        if (step.from() != null) {
            value = input.message.value(step.from()).map(v -> (JsonNode) NODES.textNode(v)).orElse(null);
        } else if (step.constant() != null) {
            value = NODES.textNode(step.constant());
        } else if (step.javascript() != null) {
            value = script(step.javascript(), input, steps, output);
        } else {
            Object result = expressions.evaluate(step.jsonata(), input.map(), bindings(output, null));
            value = result == null || result == Jsonata.NULL_VALUE ? null : JSON.valueToTree(result);
        }
        if (value != null && !step.table().isEmpty()) {
            String mapped = step.table().get(value.asString());
            value = mapped == null ? null : NODES.textNode(mapped);
        }
        return value;
    }

    private JsonNode script(String body, Input input, ObjectNode steps, JsonNode output) {
        String result = sandbox.run(body, input.libraries(), input.text(), text(steps), text(output));
        return result == null ? null : JSON.readTree(result);
    }

    private static String text(JsonNode output) {
        return output == null ? null : JSON.writeValueAsString(output);
    }

    private static Map<String, Object> bindings(JsonNode output, Object steps) {
        Map<String, Object> bindings = new java.util.HashMap<>();
        if (output != null) {
            bindings.put("output", JSON.convertValue(output, Object.class));
        }
        if (steps != null) {
            bindings.put("steps", steps);
        }
        return bindings;
    }

    private static String reason(RuntimeException e) {
        if (e instanceof ScriptFailed failed && failed.line() > 0) {
            return e.getMessage() + " (line " + failed.line() + ")";
        }
        return e.getMessage();
    }

    /** Sets a dotted path, creating the objects on the way. */
    private static void set(ObjectNode root, String path, JsonNode value) {
        String[] names = path.split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < names.length - 1; i++) {
            JsonNode child = node.get(names[i]);
            node = child instanceof ObjectNode object ? object : node.putObject(names[i]);
        }
        node.set(names[names.length - 1], value);
    }

    /** The message in the forms the stages read, each built when a stage first asks (most messages need none). */
    private final class Input {
        final Payload message;
        private final List<String> libraryCodes;
        private Object map;
        private JsonNode tree;
        private String text;
        private List<String> libraries;

        Input(Payload message, List<String> libraryCodes) {
            this.message = message;
            this.libraryCodes = libraryCodes;
        }

        Object map() {
            if (map == null) {
                map = message.json();
            }
            return map;
        }

        JsonNode tree() {
            if (tree == null) {
                tree = JSON.valueToTree(map());
            }
            return tree;
        }

        String text() {
            if (text == null) {
                text = Processing.text(tree());
            }
            return text;
        }

        List<String> libraries() {
            if (libraries == null) {
                libraries = Processing.this.libraries.sources(libraryCodes);
            }
            return libraries;
        }
    }

    /** The stages run so far and what the engine makes of them. */
    private static final class Run {
        final Input input;
        final Trial.Stage channel;
        final List<Trial.Stage> destinations = new ArrayList<>();
        private final String unreadable;

        private final int destinationCount;

        Run(Input input, Trial.Stage channel, int destinationCount) {
            this(input, channel, destinationCount, null);
        }

        private Run(Input input, Trial.Stage channel, int destinationCount, String unreadable) {
            this.input = input;
            this.channel = channel;
            this.destinationCount = destinationCount;
            this.unreadable = unreadable;
        }

        static Run unreadable(String reason) {
            return new Run(null, null, 0, reason);
        }

        Processed processed() {
            if (unreadable != null) {
                return Processed.failed(unreadable);
            }
            if (channel.error() != null) {
                return Processed.failed(channel.error());
            }
            if (Boolean.FALSE.equals(channel.filter())) {
                return Processed.filtered();
            }
            List<Processed.Route> routes = new ArrayList<>();
            for (Trial.Stage own : destinations) {
                if (own.error() != null) {
                    return Processed.failed("destination " + own.name() + ": " + own.error());
                }
                routes.add(new Processed.Route(own.name(), Boolean.FALSE.equals(own.filter()),
                        text(own.output())));
            }
            if (destinationCount > 0 && routes.size() == destinationCount && routes.stream().allMatch(Processed.Route::filtered)) {
                return Processed.filtered();
            }
            return Processed.passed(text(channel.output()), routes);
        }
    }
}
