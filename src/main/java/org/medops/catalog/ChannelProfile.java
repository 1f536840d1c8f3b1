package org.medops.catalog;

import java.util.List;

/** Everything about a channel except its credentials. */
record ChannelProfile(String name, String type, String contact, boolean enabled, List<String> ipAllowList,
                      Integer quotaPerSecond, Long quotaPerDay) {
}
