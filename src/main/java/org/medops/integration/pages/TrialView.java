package org.medops.integration.pages;

import java.util.List;

import org.medops.integration.transform.Trial;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** A trial as the test page shows it: JSON pretty-printed, each stage with its steps. */
record TrialView(String message, StageView channel, List<StageView> destinations, String outcome, String error) {

    private static final JsonMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    static TrialView of(Trial trial) {
        return new TrialView(pretty(trial.message()), StageView.of(trial.channel()),
                trial.destinations().stream().map(StageView::of).toList(), trial.outcome().name(), trial.error());
    }

    /** The filter key: none, true or false. */
    record StageView(String name, String filter, List<StepView> steps, String output, String error) {

        static StageView of(Trial.Stage stage) {
            if (stage == null) {
                return null;
            }
            return new StageView(stage.name(), stage.filter() == null ? "none" : stage.filter().toString(),
                    stage.steps().stream().map(s -> new StepView(s.step(), s.to(), compact(s.value()), s.error())).toList(),
                    pretty(stage.output()), stage.error());
        }
    }

    record StepView(int step, String to, String value, String error) {
    }

    static String pretty(JsonNode node) {
        return node == null ? null : PRETTY.writeValueAsString(node);
    }

    static String compact(JsonNode node) {
        return node == null ? null : node.isString() ? node.asString() : node.toString();
    }
}
