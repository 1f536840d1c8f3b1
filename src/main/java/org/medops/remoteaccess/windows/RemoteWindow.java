package org.medops.remoteaccess.windows;

import java.time.Duration;
import java.time.Instant;

import org.medops.shared.ProblemException;

/** One remote-maintenance window: asked for by a vendor engineer, decided by the hospital. */
final class RemoteWindow {

    /** Longer work is split into several windows, each approved on its own. */
    static final Duration LONGEST = Duration.ofHours(72);

    enum Status { REQUESTED, APPROVED, REFUSED, ENDED }

    private final Long id;
    private final String requester;
    private final Request request;
    private Status status;
    private String decidedBy;
    private Instant decidedAt;
    private String decisionNote;
    private Instant endedAt;
    private String endedBy;
    private final Instant createdAt;

    /** What the engineer asks for: the system, the time, why, and the tickets or changes it serves. */
    record Request(String system, Instant from, Instant to, String reason, String ticketRefs) {
    }

    RemoteWindow(Long id, String requester, Request request, Status status, String decidedBy, Instant decidedAt,
                 String decisionNote, Instant endedAt, String endedBy, Instant createdAt) {
        this.id = id;
        this.requester = requester;
        this.request = request;
        this.status = status;
        this.decidedBy = decidedBy;
        this.decidedAt = decidedAt;
        this.decisionNote = decisionNote;
        this.endedAt = endedAt;
        this.endedBy = endedBy;
        this.createdAt = createdAt;
    }

    static RemoteWindow requested(String requester, Request request, Instant now) {
        if (!request.to().isAfter(request.from())) {
            throw ProblemException.invalid("window-ends-before-start");
        }
        if (!request.to().isAfter(now)) {
            throw ProblemException.invalid("window-in-the-past");
        }
        if (Duration.between(request.from(), request.to()).compareTo(LONGEST) > 0) {
            throw ProblemException.invalid("window-too-long", LONGEST.toHours());
        }
        return new RemoteWindow(null, requester, request, Status.REQUESTED, null, null, null, null, null, now);
    }

    /** The hospital's permission; never by the engineer who asked. */
    void approve(String by, String note, Instant now) {
        decide(by, note, now);
        if (!request.to().isAfter(now)) {
            throw ProblemException.conflict("window-in-the-past");
        }
        status = Status.APPROVED;
    }

    void refuse(String by, String note, Instant now) {
        decide(by, note, now);
        status = Status.REFUSED;
    }

    private void decide(String by, String note, Instant now) {
        if (status != Status.REQUESTED) {
            throw ProblemException.conflict("window-decided", id);
        }
        if (by.equals(requester)) {
            throw ProblemException.conflict("window-own-request", id);
        }
        decidedBy = by;
        decidedAt = now;
        decisionNote = note;
    }

    /** The hospital closes an approved window early (or before it starts); the engineer's account can only read again at once. */
    void end(String by, Instant now) {
        if (status != Status.APPROVED || !now.isBefore(request.to())) {
            throw ProblemException.conflict("window-not-open", id);
        }
        status = Status.ENDED;
        endedAt = now;
        endedBy = by;
    }

    boolean openAt(Instant now) {
        return status == Status.APPROVED && !now.isBefore(request.from()) && now.isBefore(request.to());
    }

    Long id() {
        return id;
    }

    String requester() {
        return requester;
    }

    Request request() {
        return request;
    }

    Status status() {
        return status;
    }

    String decidedBy() {
        return decidedBy;
    }

    Instant decidedAt() {
        return decidedAt;
    }

    String decisionNote() {
        return decisionNote;
    }

    Instant endedAt() {
        return endedAt;
    }

    String endedBy() {
        return endedBy;
    }

    Instant createdAt() {
        return createdAt;
    }
}
