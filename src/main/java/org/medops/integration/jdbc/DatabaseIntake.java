package org.medops.integration.jdbc;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.medops.integration.channels.ChannelDocument;
import org.medops.integration.store.Inbound;
import org.medops.integration.store.MessageStatus;
import org.medops.integration.store.MessageWriter;
import org.medops.integration.store.Stored;

/**
 * Submits one row, as JSON, to the message store the way the MLLP intake submits a frame (one place to point
 * at a common intake later). The row's key is its control id and the duplicate check always runs, so a row
 * stored but not marked (a crash between the two) is stored again as a duplicate, never delivered twice.
 */
final class DatabaseIntake {

    private final MessageWriter writer;
    private final Clock clock;

    DatabaseIntake(MessageWriter writer, Clock clock) {
        this.writer = writer;
        this.clock = clock;
    }

    CompletableFuture<Stored> submit(ChannelDocument channel, String rowJson, String rowKey) {
        Duration window = channel.duplicates().window();
        Inbound inbound = new Inbound(channel.code(), clock.instant(), rowJson, rowKey, "DATABASE-ROW", MessageStatus.QUEUED,
                rowJson, null, channel.destinations().stream().map(ChannelDocument.Destination::name).toList(), window);
        return writer.submit(inbound);
    }
}
