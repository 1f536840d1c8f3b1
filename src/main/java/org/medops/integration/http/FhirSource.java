package org.medops.integration.http;

import java.time.Clock;

import io.vertx.core.Vertx;
import org.medops.integration.channels.DeployedChannel;
import org.medops.integration.intake.Intake;
import org.medops.integration.intake.SourceKind;
import org.springframework.stereotype.Component;

/** {@code "type": "FHIR"}: a FHIR R4 endpoint taking the resource types the document lists. */
@Component
class FhirSource implements SourceKind {

    private final Intake intake;
    private final Clock clock;

    FhirSource(Intake intake, Clock clock) {
        this.intake = intake;
        this.clock = clock;
    }

    @Override
    public String type() {
        return "FHIR";
    }

    @Override
    public Listening listener(Vertx vertx, DeployedChannel channel) {
        return new FhirListener(vertx, intake, clock, channel);
    }
}
