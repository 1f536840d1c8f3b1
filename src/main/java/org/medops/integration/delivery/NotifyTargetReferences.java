package org.medops.integration.delivery;

import org.medops.integration.channels.ChannelReferences;
import org.medops.notify.Notifications;
import org.springframework.stereotype.Component;

/** Lets a NOTIFY destination name only a notify target that exists (by name or id). */
@Component
class NotifyTargetReferences implements ChannelReferences {

    private final Notifications notifications;

    NotifyTargetReferences(Notifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public String kind() {
        return NOTIFY_TARGET;
    }

    @Override
    public boolean exists(String code) {
        return NotifySender.find(notifications, code).isPresent();
    }
}
