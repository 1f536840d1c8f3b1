package org.medops.publication.topics;

import java.time.Instant;

import org.medops.shared.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * A proposed change of one record: new field values (or its removal), written by one person and decided by another.
 */
public final class Draft {

    public enum Status { PENDING, APPROVED, REFUSED, WITHDRAWN }

    private final Long id;
    private final Topic topic;
    private final String key;
    private TopicFields fields;
    private boolean removal;
    private boolean urgent;
    private String note;
    private final Long rollbackOf;
    private final Long basedOnVersion;
    private final String author;
    private Instant writtenAt;
    private Status status;
    private String decidedBy;
    private Instant decidedAt;
    private String decisionReason;
    private Long publishedVersion;

    Draft(Long id, Topic topic, String key, TopicFields fields, boolean removal, boolean urgent, String note,
          Long rollbackOf, Long basedOnVersion, String author, Instant writtenAt, Status status, String decidedBy,
          Instant decidedAt, String decisionReason, Long publishedVersion) {
        this.id = id;
        this.topic = topic;
        this.key = key;
        this.fields = fields;
        this.removal = removal;
        this.urgent = urgent;
        this.note = note;
        this.rollbackOf = rollbackOf;
        this.basedOnVersion = basedOnVersion;
        this.author = author;
        this.writtenAt = writtenAt;
        this.status = status;
        this.decidedBy = decidedBy;
        this.decidedAt = decidedAt;
        this.decisionReason = decisionReason;
        this.publishedVersion = publishedVersion;
    }

    static Draft written(Topic topic, String key, Change change, Long basedOnVersion, String author, Instant at) {
        return new Draft(null, topic, key, change.fields(), change.removal(), change.urgent(), change.note(),
                change.rollbackOf(), basedOnVersion, author, at, Status.PENDING, null, null, null, null);
    }

    /** What a writer proposes. */
    public record Change(TopicFields fields, boolean removal, boolean urgent, String note, Long rollbackOf) {
        public static Change of(TopicFields fields, boolean urgent, String note) {
            return new Change(fields, false, urgent, note, null);
        }
    }

    /** The author rewrites their own open draft; another person's open draft is theirs to finish first. */
    void rewrite(String by, Change change, Instant at) {
        if (!author.equals(by)) {
            throw ProblemException.conflict("publication-draft-pending", author);
        }
        fields = change.fields();
        removal = change.removal();
        urgent = change.urgent();
        note = change.note();
        writtenAt = at;
    }

    /**
     * A second person approves; the author alone may publish only an urgent clinic cancellation, which stays marked
     * urgent in the history.
     */
    void approve(String by, long version, Instant at) {
        pending();
        if (author.equals(by) && !urgentCancellation()) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "publication-self-approval");
        }
        status = Status.APPROVED;
        decidedBy = by;
        decidedAt = at;
        publishedVersion = version;
    }

    void refuse(String by, String reason, Instant at) {
        pending();
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalid("publication-refusal-reason-missing");
        }
        status = Status.REFUSED;
        decidedBy = by;
        decidedAt = at;
        decisionReason = reason.strip();
    }

    void withdraw(String by, Instant at) {
        pending();
        if (!author.equals(by)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "publication-withdraw-not-author");
        }
        status = Status.WITHDRAWN;
        decidedBy = by;
        decidedAt = at;
    }

    /** Whether the one approver may be the author: an urgent cancellation of a clinic. */
    public boolean urgentCancellation() {
        return urgent && topic == Topic.SCHEDULE && !removal && "CANCELLED".equals(fields.get("status"));
    }

    private void pending() {
        if (status != Status.PENDING) {
            throw ProblemException.conflict("publication-draft-decided", status.name());
        }
    }

    public Long id() { return id; }
    public Topic topic() { return topic; }
    public String key() { return key; }
    public TopicFields fields() { return fields; }
    public boolean removal() { return removal; }
    public boolean urgent() { return urgent; }
    public String note() { return note; }
    public Long rollbackOf() { return rollbackOf; }
    public Long basedOnVersion() { return basedOnVersion; }
    public String author() { return author; }
    public Instant writtenAt() { return writtenAt; }
    public Status status() { return status; }
    public String decidedBy() { return decidedBy; }
    public Instant decidedAt() { return decidedAt; }
    public String decisionReason() { return decisionReason; }
    public Long publishedVersion() { return publishedVersion; }
}
