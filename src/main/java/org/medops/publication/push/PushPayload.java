package org.medops.publication.push;

import java.util.SortedMap;

/**
 * The webhook's body: which delivery (for the receiver's de-duplication: a delivery is sent again when its answer
 * was lost), which version of which record, and its fields as the subscription may see them.
 */
record PushPayload(long delivery, String channel, String topic, long version, String key, boolean removed,
                   SortedMap<String, String> fields) {
}
