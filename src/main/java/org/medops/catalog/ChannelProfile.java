package org.medops.catalog;

import java.util.List;

/**
 * Everything about a channel except its credentials.
 *
 * @param owner the developer account that owns the channel's credentials and may rotate them in the portal;
 *              null when the hospital's administrators alone manage them (a shared channel)
 */
record ChannelProfile(String name, String type, String contact, boolean enabled, List<String> ipAllowList,
                      Integer quotaPerSecond, Long quotaPerDay, String owner) {

    ChannelProfile withOwner(String newOwner) {
        return new ChannelProfile(name, type, contact, enabled, ipAllowList, quotaPerSecond, quotaPerDay, newOwner);
    }
}
