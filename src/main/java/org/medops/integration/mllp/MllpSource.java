package org.medops.integration.mllp;

import io.vertx.core.Vertx;
import org.medops.integration.channels.DeployedChannel;
import org.medops.integration.intake.Intake;
import org.medops.integration.intake.SourceKind;
import org.medops.settings.Settings;
import org.springframework.stereotype.Component;

/** {@code "type": "MLLP"}: a TCP listener with MLLP framing, answered with HL7 ACKs after the commit. */
@Component
class MllpSource implements SourceKind {

    private final Intake intake;
    private final Settings settings;

    MllpSource(Intake intake, Settings settings) {
        this.intake = intake;
        this.settings = settings;
    }

    @Override
    public String type() {
        return "MLLP";
    }

    @Override
    public Listening listener(Vertx vertx, DeployedChannel channel) {
        return new MllpListener(vertx, intake, settings.current().zone(), channel);
    }
}
