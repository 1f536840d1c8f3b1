package org.medops.integration.critical;

import org.medops.integration.channels.ChannelDocument;
import org.medops.integration.delivery.Sender;
import org.medops.integration.store.Outgoing;
import org.springframework.stereotype.Component;

/**
 * The {@code CRITICAL_VALUE} destination: a channel carrying LIS/PACS results adds it like any other, so every
 * result passes through the engine's durable queue and nothing is lost. It reads the raw message (the transformer's
 * output is for the other destinations), records each critical result once per (message, OBX set id), so a
 * redelivery records nothing new, and notifies.
 */
final class CriticalValueSender implements Sender {

    private final CriticalLoop loop;

    CriticalValueSender(CriticalLoop loop) {
        this.loop = loop;
    }

    @Component
    static final class Kind implements Sender.Kind {

        static final String TYPE = "CRITICAL_VALUE";

        private final CriticalLoop loop;

        Kind(CriticalLoop loop) {
            this.loop = loop;
        }

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Sender open() {
            return new CriticalValueSender(loop);
        }
    }

    @Override
    public Result send(ChannelDocument.Destination destination, Outgoing message) {
        try {
            int recorded = loop.take(message.id(), message.channel(), message.raw());
            return Result.delivered(recorded + " critical value(s) recorded");
        } catch (tools.jackson.core.JacksonException e) {
            return Result.rejected(null, "not a critical-value message: " + e.getOriginalMessage());
        }
    }
}
