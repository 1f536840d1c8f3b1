package org.medops.catalog;

import java.util.List;

/** Everything a gateway node serves from, at one configuration version. */
public record GatewayConfig(long version, List<ServiceDefinition> services, List<ChannelAccess> channels,
                            List<Grant> grants) {

    /** @param dailyQuota calls per hospital day for this channel and service; null means only the channel's own quota */
    public record Grant(String channelCode, String serviceCode, Long dailyQuota) {
    }

    public static GatewayConfig empty() {
        return new GatewayConfig(0, List.of(), List.of(), List.of());
    }
}
