package org.medops.integration.delivery;

import java.nio.charset.Charset;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.medops.integration.channels.ChannelDirectory;
import org.medops.integration.channels.ChannelDocument;
import org.medops.integration.channels.DeployedChannel;
import org.medops.integration.intake.Intake;
import org.medops.integration.intake.Received;
import org.medops.integration.intake.Taken;
import org.medops.integration.store.Outgoing;
import org.springframework.stereotype.Component;

/**
 * The channel writer: hands the message to another channel's intake, as if its {@code CHANNEL} source had
 * received it. Sent means committed into the other channel (its store and queues). The handed message is keyed by
 * this channel and message id, so a resend after a crash between the two commits is a duplicate there, not a
 * second delivery.
 */
final class ChannelSender implements Sender {

    /** One sender serves every worker: it holds nothing of its own. */
    @Component
    static final class Kind implements Sender.Kind {

        private final ChannelSender sender;

        Kind(ChannelDirectory channels, Intake intake) {
            this.sender = new ChannelSender(channels, intake);
        }

        @Override
        public String type() {
            return "CHANNEL";
        }

        @Override
        public Sender open() {
            return sender;
        }
    }

    private final ChannelDirectory channels;
    private final Intake intake;

    ChannelSender(ChannelDirectory channels, Intake intake) {
        this.channels = channels;
        this.intake = intake;
    }

    @Override
    public Result send(ChannelDocument.Destination destination, Outgoing message) throws InterruptedException {
        DeployedChannel target = channels.deployed(destination.channel()).orElse(null);
        if (target == null) {
            return Result.rejected(null, "channel " + destination.channel() + " does not exist");
        }
        if (!target.state().enabled()) {
            return Result.failed(null, "channel " + destination.channel() + " is disabled");
        }
        ChannelDocument document = target.document();
        byte[] body = message.body().getBytes(Charset.forName(document.source().charset()));
        try {
            Taken taken = intake.take(document, Received.keyed(body, "channel:" + message.channel() + ":" + message.id()))
                    .get(30, TimeUnit.SECONDS);
            if (taken.stored() == null) {
                return Result.failed(null, "not stored in channel " + destination.channel());
            }
            return Result.delivered("{\"channel\":\"" + destination.channel() + "\",\"id\":" + taken.stored().id()
                    + ",\"status\":\"" + taken.stored().status().name() + "\"}");
        } catch (ExecutionException | TimeoutException e) {
            return Result.failed(null, "not stored in channel " + destination.channel() + ": " + e.getClass().getSimpleName());
        }
    }
}
