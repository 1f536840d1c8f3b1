package org.medops.publication.subscriptions;

import java.time.Instant;
import java.util.List;

/** A subscription as the API and the pages show it, with its usage totals. */
record SubscriptionView(long id, String channel, String topic, String purpose, List<String> requestedFields,
                        List<String> approvedFields, String webhookUrl, String status, String applicant,
                        Instant appliedAt, String decidedBy, Instant decidedAt, String decisionNote,
                        String changedBy, Instant changedAt, long reads, long pushes, long records) {

    static SubscriptionView of(Subscription s, Subscriptions.Totals totals) {
        return new SubscriptionView(s.id(), s.channelCode(), s.application().topic().path(), s.application().purpose(),
                s.application().fields(), s.approvedFields(), s.application().webhookUrl(), s.status().name(),
                s.applicant(), s.appliedAt(), s.decidedBy(), s.decidedAt(), s.decisionNote(), s.changedBy(),
                s.changedAt(), totals.reads(), totals.pushes(), totals.records());
    }
}
