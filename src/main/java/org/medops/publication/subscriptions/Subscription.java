package org.medops.publication.subscriptions;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.medops.publication.topics.Topic;
import org.medops.shared.ProblemException;

/** One channel's subscription to one topic, from application to end. */
final class Subscription {

    enum Status { REQUESTED, APPROVED, REFUSED, SUSPENDED, ENDED }

    /** What the applicant asks for. */
    record Application(Topic topic, String purpose, List<String> fields, String webhookUrl) {
        Application {
            if (purpose == null || purpose.isBlank()) {
                throw ProblemException.invalid("publication-subscription-purpose-missing");
            }
            if (fields == null || fields.isEmpty()) {
                throw ProblemException.invalid("publication-subscription-fields-missing");
            }
            List<String> unknown = fields.stream().filter(f -> !topic.publishableFields().contains(f)).toList();
            if (!unknown.isEmpty()) {
                throw ProblemException.invalid("publication-subscription-field-unpublishable", String.join(", ", unknown));
            }
            if (webhookUrl != null && !webhookUrl.isBlank() && !webhookUrl.matches("https?://[^\\s]{3,490}")) {
                throw ProblemException.invalid("publication-subscription-webhook-invalid");
            }
            fields = List.copyOf(new LinkedHashSet<>(fields));
            webhookUrl = webhookUrl == null || webhookUrl.isBlank() ? null : webhookUrl.strip();
            purpose = purpose.strip();
        }
    }

    private final Long id;
    private final String channelCode;
    private final Application application;
    private final String applicant;
    private final Instant appliedAt;
    private Status status;
    private List<String> approvedFields;
    private String decidedBy;
    private Instant decidedAt;
    private String decisionNote;
    private String changedBy;
    private Instant changedAt;

    Subscription(Long id, String channelCode, Application application, String applicant, Instant appliedAt,
                 Status status, List<String> approvedFields, String decidedBy, Instant decidedAt, String decisionNote,
                 String changedBy, Instant changedAt) {
        this.id = id;
        this.channelCode = channelCode;
        this.application = application;
        this.applicant = applicant;
        this.appliedAt = appliedAt;
        this.status = status;
        this.approvedFields = approvedFields;
        this.decidedBy = decidedBy;
        this.decidedAt = decidedAt;
        this.decisionNote = decisionNote;
        this.changedBy = changedBy;
        this.changedAt = changedAt;
    }

    static Subscription applied(String channelCode, Application application, String applicant, Instant at) {
        return new Subscription(null, channelCode, application, applicant, at, Status.REQUESTED, List.of(), null, null,
                null, null, null);
    }

    /** The owner approves the asked fields or fewer of them, never more. */
    void approve(String by, List<String> fields, String note, Instant at) {
        expect(Status.REQUESTED);
        List<String> granted = fields == null || fields.isEmpty() ? application.fields() : List.copyOf(new LinkedHashSet<>(fields));
        if (!application.fields().containsAll(granted)) {
            throw ProblemException.invalid("publication-subscription-fields-not-requested");
        }
        status = Status.APPROVED;
        approvedFields = granted;
        decidedBy = by;
        decidedAt = at;
        decisionNote = note;
    }

    void refuse(String by, String note, Instant at) {
        expect(Status.REQUESTED);
        if (note == null || note.isBlank()) {
            throw ProblemException.invalid("publication-refusal-reason-missing");
        }
        status = Status.REFUSED;
        decidedBy = by;
        decidedAt = at;
        decisionNote = note.strip();
    }

    void suspend(String by, Instant at) {
        expect(Status.APPROVED);
        changed(Status.SUSPENDED, by, at);
    }

    void resume(String by, Instant at) {
        expect(Status.SUSPENDED);
        changed(Status.APPROVED, by, at);
    }

    void end(String by, Instant at) {
        if (status != Status.APPROVED && status != Status.SUSPENDED && status != Status.REQUESTED) {
            throw ProblemException.conflict("publication-subscription-state", status.name());
        }
        changed(Status.ENDED, by, at);
    }

    private void changed(Status to, String by, Instant at) {
        status = to;
        changedBy = by;
        changedAt = at;
    }

    private void expect(Status expected) {
        if (status != expected) {
            throw ProblemException.conflict("publication-subscription-state", status.name());
        }
    }

    Set<String> deliveredFields() {
        return status == Status.APPROVED ? Set.copyOf(approvedFields) : Set.of();
    }

    Long id() { return id; }
    String channelCode() { return channelCode; }
    Application application() { return application; }
    String applicant() { return applicant; }
    Instant appliedAt() { return appliedAt; }
    Status status() { return status; }
    List<String> approvedFields() { return approvedFields; }
    String decidedBy() { return decidedBy; }
    Instant decidedAt() { return decidedAt; }
    String decisionNote() { return decisionNote; }
    String changedBy() { return changedBy; }
    Instant changedAt() { return changedAt; }
}
