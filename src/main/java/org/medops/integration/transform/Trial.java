package org.medops.integration.transform;

import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * A message run through a channel's stages without storing or sending anything: the HL7 JSON form, the
 * channel's stage, each destination's, and the outcome the engine would store. Nothing here is masked: the
 * sample is the user's own input.
 */
public record Trial(JsonNode message, Stage channel, List<Stage> destinations, Processed.Outcome outcome,
                    String error) {

    /**
     * One stage (the channel's, or a destination's when {@code name} is set): the filter's verdict (null: no
     * filter), each step's output in order, the transformer's result (JSON, or the raw text when not transformed)
     * and the first error.
     */
    public record Stage(String name, Boolean filter, List<StepOutput> steps, JsonNode output, String error) {
    }

    /** A step's output (null: nothing set) or its error; {@code step} counts from 1. */
    public record StepOutput(int step, String to, JsonNode value, String error) {
    }
}
