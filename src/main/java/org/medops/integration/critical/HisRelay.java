package org.medops.integration.critical;

import java.nio.charset.Charset;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.medops.integration.channels.ChannelDirectory;
import org.medops.integration.channels.DeployedChannel;
import org.medops.integration.intake.Intake;
import org.medops.integration.intake.Received;
import org.medops.integration.intake.Taken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands the queued messages to HIS to their channel's intake, as a {@code CHANNEL} writer would: from there the
 * engine stores it and delivers it through the channel's durable queue (retries, breaker) to the HIS destination.
 * Keyed by its MSH-10 ({@code CV<value>-<stage>}), so a hand-over repeated after a crash is a duplicate there, not a
 * second message; a channel that is missing, disabled or refusing keeps the message waiting (with a backoff).
 */
@Component
class HisRelay {

    private static final Logger log = LoggerFactory.getLogger(HisRelay.class);

    private final CriticalValues values;
    private final ChannelDirectory channels;
    private final Intake intake;
    private final TransactionTemplate transactions;
    private final Clock clock;

    HisRelay(CriticalValues values, ChannelDirectory channels, Intake intake, TransactionTemplate transactions,
             Clock clock) {
        this.values = values;
        this.channels = channels;
        this.intake = intake;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${medops.integration.critical.his-relay:1s}", initialDelay = 3000)
    void run() {
        try {
            relay();
        } catch (RuntimeException e) {
            log.warn("Critical values to HIS: hand-over failed: {}", e.toString());
        }
    }

    /** Hands over what is waiting; answers how many were stored in their channel. */
    int relay() {
        Integer done = transactions.execute(status -> {
            int stored = 0;
            for (CriticalValues.Outbound o : values.claimOutbound(clock.instant(), 20)) {
                String failure = handOver(o);
                if (failure == null) {
                    stored++;
                } else {
                    // 2, 4, 8 … seconds, at most five minutes
                    long wait = Math.min(300, 1L << Math.min(o.attempts() + 1, 9));
                    values.outboundFailed(o.id(), failure, clock.instant().plusSeconds(wait));
                }
            }
            return stored;
        });
        return done == null ? 0 : done;
    }

    private String handOver(CriticalValues.Outbound o) {
        DeployedChannel target = channels.deployed(o.channelCode()).orElse(null);
        if (target == null) {
            return "channel " + o.channelCode() + " does not exist";
        }
        if (!target.state().enabled()) {
            return "channel " + o.channelCode() + " is disabled";
        }
        byte[] body = o.message().getBytes(Charset.forName(target.document().source().charset()));
        try {
            Taken taken = intake.take(target.document(), Received.keyed(body, "CV" + o.valueId() + "-" + o.stage()))
                    .get(30, TimeUnit.SECONDS);
            if (taken.stored() == null) {
                return "not stored in channel " + o.channelCode();
            }
            if (taken.kind() == Taken.Kind.REFUSED) {
                return "refused by channel " + o.channelCode() + ": " + taken.reason();
            }
            values.outboundSent(o.id(), taken.stored().id(), clock.instant());
            return null;
        } catch (ExecutionException | TimeoutException e) {
            return "not stored in channel " + o.channelCode() + ": " + e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
