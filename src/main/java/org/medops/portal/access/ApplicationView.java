package org.medops.portal.access;

import java.time.Instant;

import org.medops.identity.People;

/**
 * An access application as the API shows it: the applicant and the reviewers by display name (a developer learns
 * who decided, not an account name), the domain's own methods and states left behind.
 */
record ApplicationView(long id, String channelCode, String serviceCode, String purpose, Long expectedDailyVolume,
                       String contact, String status, String reason, String applicant, Instant submittedAt,
                       String decidedBy, Instant decidedAt, String revokedBy, Instant revokedAt, Long dailyQuota) {

    static ApplicationView of(AccessApplication a, People people) {
        return new ApplicationView(a.id(), a.channelCode(), a.serviceCode(), a.purpose(), a.expectedDailyVolume(),
                a.contact(), a.status(), a.reason(), people.name(a.applicant()), a.submittedAt(),
                nameOrNull(a.decidedBy(), people), a.decidedAt(), nameOrNull(a.revokedBy(), people), a.revokedAt(),
                a.dailyQuota());
    }

    /** Nobody yet stays null in the JSON (People would print a dash). */
    private static String nameOrNull(String username, People people) {
        return username == null ? null : people.name(username);
    }
}
