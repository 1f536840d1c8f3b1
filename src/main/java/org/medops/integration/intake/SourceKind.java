package org.medops.integration.intake;

import io.vertx.core.Vertx;
import org.medops.integration.channels.DeployedChannel;

/** A kind of source (one per {@code source.type}) that listens for a channel; each source package provides one. */
public interface SourceKind {

    String type();

    /** A listener for the channel, not yet started; listeners on sockets run on the shared {@code vertx}. */
    Listening listener(Vertx vertx, DeployedChannel channel);

    /** One channel's running source. */
    interface Listening {

        /** Binds (or starts polling); throws when it cannot. */
        void start();

        /** Takes a changed document over in place (same socket or directory): open connections stay. */
        void update(DeployedChannel changed);

        DeployedChannel channel();

        void stop();
    }
}
