package org.medops.integration.pages;

import java.util.List;

import org.medops.integration.channels.ChannelDirectory;
import org.medops.integration.channels.ChannelDocument;
import org.medops.integration.channels.StoredChannel;
import org.medops.integration.delivery.Destinations;
import org.medops.integration.store.ChannelStatistics;

/** One line of the channel list, with its last hour by minute for the sparkline. */
record ChannelRow(StoredChannel channel, ChannelDocument document, ChannelStatistics statistics,
                  List<Destinations.DestinationState> destinations, ChannelChart lastHour) {

    static ChannelRow of(StoredChannel channel, ChannelStatistics statistics, List<Destinations.DestinationState> destinations,
                         ChannelChart lastHour) {
        return new ChannelRow(channel, ChannelDirectory.parse(channel.document()), statistics, destinations, lastHour);
    }
}
