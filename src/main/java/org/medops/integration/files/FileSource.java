package org.medops.integration.files;

import io.vertx.core.Vertx;
import org.medops.integration.channels.DeployedChannel;
import org.medops.integration.intake.Intake;
import org.medops.integration.intake.SourceKind;
import org.springframework.stereotype.Component;

/** {@code "type": "FILE"}: files in a directory, one message each. */
@Component
class FileSource implements SourceKind {

    private final Intake intake;

    FileSource(Intake intake) {
        this.intake = intake;
    }

    @Override
    public String type() {
        return "FILE";
    }

    @Override
    public Listening listener(Vertx vertx, DeployedChannel channel) {
        return new FileReader(intake, channel);
    }
}
