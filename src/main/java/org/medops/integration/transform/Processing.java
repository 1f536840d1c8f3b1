package org.medops.integration.transform;

import java.util.List;
import java.util.Map;

import com.dashjoin.jsonata.Jsonata;
import org.medops.integration.channels.ChannelDocument;
import org.medops.integration.data.Payload;
import org.medops.integration.data.Payloads;
import org.medops.integration.hl7.Hl7Message;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Runs a channel's filter and transformer over one message. */
@Component
public class Processing {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final Expressions expressions = new Expressions();

    public Processed process(ChannelDocument channel, Hl7Message message) {
        return process(channel, Payloads.of(message));
    }

    /** The filter first (false or no result: filtered); then the steps; then the transformer's JSONata, if any. */
    public Processed process(ChannelDocument channel, Payload message) {
        Object input;
        try {
            input = message.json();
        } catch (RuntimeException e) {
            return Processed.failed("message cannot be read as JSON: " + e.getMessage());
        }
        if (channel.filter() != null) {
            try {
                Object verdict = expressions.evaluate(channel.filter(), input, Map.of());
                if (!(verdict instanceof Boolean pass && pass)) {
                    return Processed.filtered();
                }
            } catch (RuntimeException e) {
                return Processed.failed("filter failed: " + e.getMessage());
            }
        }
        ChannelDocument.Transformer transformer = channel.transformer();
        if (transformer == null) {
            return Processed.passed(null);
        }
        try {
            ObjectNode output = steps(transformer.steps(), message, input);
            if (transformer.jsonata() == null) {
                return Processed.passed(JSON.writeValueAsString(output));
            }
            Object result = expressions.evaluate(transformer.jsonata(), input,
                    Map.of("steps", JSON.convertValue(output, Map.class)));
            return Processed.passed(JSON.writeValueAsString(result == null ? JsonNodeFactory.instance.nullNode() : result));
        } catch (RuntimeException e) {
            return Processed.failed("transformer failed: " + e.getMessage());
        }
    }

    private ObjectNode steps(List<ChannelDocument.Step> steps, Payload message, Object input) {
        ObjectNode output = JsonNodeFactory.instance.objectNode();
        for (ChannelDocument.Step step : steps) {
            JsonNode value = value(step, message, input);
            if (value == null || value.isNull()) {
                if (step.fallback() == null) {
                    continue;
                }
                value = JsonNodeFactory.instance.textNode(step.fallback());
            }
            set(output, step.to(), value);
        }
        return output;
    }

    private JsonNode value(ChannelDocument.Step step, Payload message, Object input) {
        JsonNode value;
        if (step.from() != null) {
            value = message.value(step.from()).map(v -> (JsonNode) JsonNodeFactory.instance.textNode(v)).orElse(null);
        } else if (step.constant() != null) {
            value = JsonNodeFactory.instance.textNode(step.constant());
        } else {
            Object result = expressions.evaluate(step.jsonata(), input, Map.of());
            value = result == null || result == Jsonata.NULL_VALUE ? null : JSON.valueToTree(result);
        }
        if (value != null && !step.table().isEmpty()) {
            String mapped = step.table().get(value.asString());
            value = mapped == null ? null : JsonNodeFactory.instance.textNode(mapped);
        }
        return value;
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
}
