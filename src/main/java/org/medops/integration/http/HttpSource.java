package org.medops.integration.http;

import io.vertx.core.Vertx;
import org.medops.integration.channels.DeployedChannel;
import org.medops.integration.intake.Intake;
import org.medops.integration.intake.SourceKind;
import org.medops.settings.Settings;
import org.springframework.stereotype.Component;

/** {@code "type": "HTTP"}: messages POSTed to one path. */
@Component
class HttpSource implements SourceKind {

    private final Intake intake;
    private final Settings settings;

    HttpSource(Intake intake, Settings settings) {
        this.intake = intake;
        this.settings = settings;
    }

    @Override
    public String type() {
        return "HTTP";
    }

    @Override
    public Listening listener(Vertx vertx, DeployedChannel channel) {
        return new HttpListener(vertx, intake, settings.current().zone(), channel);
    }
}
