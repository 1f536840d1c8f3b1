package org.medops.integration.transform;

import java.util.List;

/**
 * What the filters and transformers made of a message: passed on (with its output, null when not transformed,
 * and what each destination with a stage of its own made of it), filtered or failed.
 */
public record Processed(Outcome outcome, String transformed, String error, List<Route> routes) {

    public enum Outcome { PASSED, FILTERED, FAILED }

    public Processed {
        routes = routes == null ? List.of() : List.copyOf(routes);
    }

    /**
     * A destination with a filter or transformer of its own: {@code filtered} when its filter said no (it is not
     * queued); {@code transformed} its own output, null when it is sent the message's.
     */
    public record Route(String destination, boolean filtered, String transformed) {
    }

    /** The route of a destination: its own, or the message's content when it has no stage. */
    public Route route(String destination) {
        return routes.stream().filter(r -> r.destination().equals(destination)).findFirst()
                .orElse(new Route(destination, false, null));
    }

    static Processed passed(String transformed, List<Route> routes) {
        return new Processed(Outcome.PASSED, transformed, null, routes);
    }

    static Processed filtered() {
        return new Processed(Outcome.FILTERED, null, null, List.of());
    }

    static Processed failed(String error) {
        return new Processed(Outcome.FAILED, null, error, List.of());
    }
}
