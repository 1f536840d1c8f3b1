package org.medops.portal.notices;

import java.time.Clock;

import org.medops.shared.InAppNotice;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Puts other modules' in-app notices (a ticket reminder, say) into the person's inbox, the bell on the layout. */
@Component
class InAppNotices {

    private final Inbox inbox;
    private final Clock clock;

    InAppNotices(Inbox inbox, Clock clock) {
        this.inbox = inbox;
        this.clock = clock;
    }

    @EventListener
    void on(InAppNotice notice) {
        inbox.add(notice.username(), notice.title(), notice.body(), notice.link(), clock.instant());
    }
}
