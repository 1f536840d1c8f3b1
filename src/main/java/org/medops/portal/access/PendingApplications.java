package org.medops.portal.access;

import org.springframework.stereotype.Service;

/** What the rest of the portal may know of access applications: how many of a channel's wait for review. */
@Service
public class PendingApplications {

    private final AccessApplications applications;

    PendingApplications(AccessApplications applications) {
        this.applications = applications;
    }

    /** Shown on the developer's overview. */
    public long of(String channel) {
        return applications.pendingOf(channel);
    }
}
