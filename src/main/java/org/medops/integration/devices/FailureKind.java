package org.medops.integration.devices;

import java.util.regex.Pattern;

import org.medops.integration.store.DeliveryRow;
import org.medops.integration.store.MessageDetail;
import org.medops.integration.store.MessageStatus;

/**
 * What went wrong with a device message, as the responsibility list names it: the device's data was not taken
 * (not parsed, filtered or transformed at intake), the destination refused it (a 4xx answer or a negative ACK), or
 * the destination could not be reached (timeouts, 5xx, refused connections).
 */
public enum FailureKind {
    DEVICE_DATA, DESTINATION_REFUSED, DESTINATION_UNREACHABLE;

    private static final Pattern REFUSED = Pattern.compile("\\b4\\d\\d\\b|\\bA[ER]\\b|rejected|refused by");

    /** The failure of a message, or null when nothing failed. */
    static FailureKind of(MessageDetail message) {
        DeliveryRow failed = message.destinations().stream().filter(d -> d.error() != null && !d.error().isBlank()
                && !"SENT".equals(d.status())).findFirst().orElse(null);
        if (failed != null) {
            return REFUSED.matcher(failed.error()).find() ? DESTINATION_REFUSED : DESTINATION_UNREACHABLE;
        }
        return message.status() == MessageStatus.ERRORED ? DEVICE_DATA : null;
    }

    /** The error text of the failure: the failed destination's, else the message's. */
    static String error(MessageDetail message) {
        return message.destinations().stream().filter(d -> d.error() != null && !d.error().isBlank()
                        && !"SENT".equals(d.status())).map(d -> d.name() + ": " + d.error()).findFirst()
                .orElse(message.error());
    }
}
