package org.medops.integration;

import org.medops.integration.interop.InteropCatalogue;
import org.medops.integration.interop.InteropRoutes;
import org.medops.integration.interop.InteropSamples;
import org.springframework.stereotype.Service;

/**
 * The interoperability interfaces' API to other modules (the demo): route every shipped interaction to its
 * default channel unless a route exists, and send the shipped samples through {@code HIPMessageServer}.
 */
@Service
public class IntegrationInterop {

    private final InteropRoutes routes;
    private final InteropCatalogue catalogue;
    private final InteropSamples samples;

    IntegrationInterop(InteropRoutes routes, InteropCatalogue catalogue, InteropSamples samples) {
        this.routes = routes;
        this.catalogue = catalogue;
        this.samples = samples;
    }

    /** Routes the shipped interactions and resource types that have no route yet; answers how many it set. */
    public int routeDefaults(String actor) {
        int set = 0;
        for (InteropCatalogue.Entry entry : catalogue.entries()) {
            if (routes.putIfAbsent(entry.route(), entry.channel(), entry.description(), actor)) {
                set++;
            }
        }
        return set;
    }

    /** Sends each shipped HL7 v3 sample once (a new id, the current time); answers how many were answered. */
    public int sendSamples() {
        int sent = 0;
        for (InteropCatalogue.Entry entry : catalogue.entries()) {
            if (entry.hl7v3() && samples.send(entry.route()).isPresent()) {
                sent++;
            }
        }
        return sent;
    }
}
