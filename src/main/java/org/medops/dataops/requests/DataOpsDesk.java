package org.medops.dataops.requests;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.medops.inspection.DatabaseTargets;
import org.medops.opsdesk.ChangeLookup;
import org.medops.opsdesk.ChangeSummary;
import org.medops.opsdesk.TicketLookup;
import org.medops.shared.AuditableEvent;
import org.medops.shared.FieldChange;
import org.medops.shared.ProblemException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Drafts, previews, reviews and executes data operations. The statements run outside MedOps's own transaction (they
 * may take a while on the target); the request is taken for execution and committed as EXECUTING first, so a second
 * execution is refused even while the first runs, and its outcome is recorded after.
 *
 * <p>Production targets: the hospital's written authorization is the one recorded on the linked change (opsdesk's
 * 变更书面授权), checked when the request is drafted (a change must be linked), approved and executed (it must be
 * AUTHORIZED or IN_PROGRESS then) — one authorization process for the hospital, not a second kind of document.
 */
@Service
class DataOpsDesk {

    static final int MAX_REASON = 2000;

    private final DataOperations operations;
    private final DatabaseTargets targets;
    private final ChangeLookup changes;
    private final TicketLookup tickets;
    private final TargetRunner runner;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DataOpsDesk(DataOperations operations, DatabaseTargets targets, ChangeLookup changes, TicketLookup tickets,
                TargetRunner runner, ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock) {
        this.tickets = tickets;
        this.operations = operations;
        this.targets = targets;
        this.changes = changes;
        this.runner = runner;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    DataOperation get(long id) {
        return operations.find(id).orElseThrow(() -> ProblemException.notFound("dataops-request", id));
    }

    List<DataOperations.Entry> timeline(long id) {
        return operations.timeline(id);
    }

    Optional<Long> rollbackRequestOf(long id) {
        return operations.rollbackOf(id);
    }

    List<DatabaseTargets.DatabaseTarget> targets() {
        return targets.active();
    }

    Optional<DatabaseTargets.DatabaseTarget> target(String code) {
        return targets.find(code);
    }

    DataOperation draft(NewDataOp input, String actor) {
        if (input == null) {
            throw ProblemException.invalid("dataops-target-required");
        }
        DatabaseTargets.DatabaseTarget target = activeTarget(input.target());
        Script script = Script.parse(input.statements(), "statements");
        String rollback = blank(input.rollbackSql());
        if (rollback != null) {
            Script.parse(rollback, "rollbackSql");
        }
        if (target.kind() == DatabaseTargets.Kind.MYSQL && script.hasDdl()) {
            throw ProblemException.invalid("dataops-ddl-implicit-commit");
        }
        String reason = reason(input.reason(), "dataops-reason-required");
        if (input.expectedRows() == null || input.expectedRows() < 0) {
            throw ProblemException.invalid("dataops-expected-rows");
        }
        DataOperation.Links links = links(input.ticketId(), input.changeId(), target);
        return create(target, input.statements().strip(), rollback, reason, links, input.expectedRows(), null, actor,
                "dataops.request.draft");
    }

    DataOperation preview(long id, String actor) {
        DataOperation op = get(id);
        op.previewed(null); // refuses a request past review before anything runs
        Run run = runner.preview(op.target(), op.script(), actor);
        return transactions.execute(status -> {
            DataOperation previewed = operations.lock(id).orElseThrow().previewed(run);
            operations.save(previewed);
            operations.note(id, run.at(), "previewed", actor, String.valueOf(run.totalRows()));
            publish("dataops.request.preview", previewed, run.outcome() == Run.Outcome.FAILED
                    ? AuditableEvent.Outcome.FAILURE : AuditableEvent.Outcome.SUCCESS, runChanges(previewed, run));
            return previewed;
        });
    }

    DataOperation review(long id, boolean approve, String why, String actor) {
        String reason = reason(why, "dataops-review-reason-required");
        return transactions.execute(status -> {
            DataOperation op = operations.lock(id).orElseThrow(() -> ProblemException.notFound("dataops-request", id));
            DataOperation reviewed = op.reviewed(actor, approve, reason, clock.instant());
            if (approve) {
                requireAuthorization(op);
            }
            operations.save(reviewed);
            operations.note(id, reviewed.review().at(), approve ? "approved" : "refused", actor, reason);
            publish(approve ? "dataops.request.approve" : "dataops.request.refuse", reviewed,
                    AuditableEvent.Outcome.SUCCESS, List.of(FieldChange.set("dataopsTarget", op.target()),
                            FieldChange.of("dataopsStatus", op.status(), reviewed.status()),
                            FieldChange.set("reviewReason", reason)));
            return reviewed;
        });
    }

    DataOperation execute(long id, String actor) {
        DataOperation taken = transactions.execute(status -> {
            DataOperation op = operations.lock(id).orElseThrow(() -> ProblemException.notFound("dataops-request", id));
            DataOperation executing = op.executing(actor, clock.instant());
            requireAuthorization(op);
            operations.save(executing);
            return executing;
        });
        Run run = runner.execute(taken.target(), taken.script(), taken.expectedRows(), actor,
                journal -> transactions.executeWithoutResult(status ->
                        operations.save(operations.lock(id).orElseThrow().committing(journal))));
        return transactions.execute(status -> {
            DataOperation finished = operations.lock(id).orElseThrow().finished(run);
            operations.save(finished);
            boolean committed = run.outcome() == Run.Outcome.COMMITTED;
            operations.note(id, clock.instant(), committed ? "executed" : "failed", actor,
                    String.valueOf(run.totalRows()));
            publish(committed ? "dataops.request.execute" : "dataops.request.fail", finished,
                    committed ? AuditableEvent.Outcome.SUCCESS : AuditableEvent.Outcome.FAILURE,
                    runChanges(finished, run));
            return finished;
        });
    }

    /**
     * Requests left EXECUTING by a MedOps that stopped during the run (kill -9, power loss) become INTERRUPTED, each
     * audited: nobody re-runs them blindly. Called once at start for what was taken before this process started;
     * the console role runs on one node, so no run of another process is mistaken for an interrupted one.
     */
    int recoverInterrupted(Instant processStart) {
        int recovered = 0;
        for (long id : operations.executingBefore(processStart)) {
            recovered += transactions.execute(status -> {
                DataOperation op = operations.lock(id).orElseThrow();
                if (op.status() != Status.EXECUTING) {
                    return 0;
                }
                DataOperation interrupted = op.interrupted();
                operations.save(interrupted);
                operations.note(id, clock.instant(), "interrupted", "system",
                        interrupted.mayHaveCommitted() ? "mayHaveCommitted" : "notCommitted");
                events.publishEvent(new DataOpAction("dataops.request.interrupt", String.valueOf(id),
                        AuditableEvent.Outcome.FAILURE, List.of(FieldChange.set("dataopsTarget", op.target()),
                        FieldChange.of("dataopsStatus", op.status(), interrupted.status()),
                        FieldChange.set("reachedCommit", interrupted.mayHaveCommitted())), "system"));
                return 1;
            });
        }
        return recovered;
    }

    /** A reviewer's finding on an interrupted request: its changes are on the target, or they are not. */
    DataOperation verify(long id, boolean committed, String why, String actor) {
        String reason = reason(why, "dataops-review-reason-required");
        return transactions.execute(status -> {
            DataOperation op = operations.lock(id).orElseThrow(() -> ProblemException.notFound("dataops-request", id));
            DataOperation verified = op.verified(committed, actor);
            operations.save(verified);
            operations.note(id, clock.instant(), committed ? "verifiedCommitted" : "verifiedNotCommitted", actor, reason);
            publish("dataops.request.verify", verified, AuditableEvent.Outcome.SUCCESS, List.of(
                    FieldChange.set("dataopsTarget", op.target()),
                    FieldChange.of("dataopsStatus", op.status(), verified.status()),
                    FieldChange.set("reviewReason", reason)));
            return verified;
        });
    }

    /** A new request whose statements are the executed one's rollback SQL, reviewed and executed like any other. */
    DataOperation requestRollback(long id, String why, Long expectedRows, String actor) {
        String reason = reason(why, "dataops-reason-required");
        DataOperation original = get(id);
        original.checkRollbackPossible();
        if (operations.rollbackOf(id).isPresent()) {
            throw ProblemException.conflict("dataops-rollback-exists", id);
        }
        if (expectedRows != null && expectedRows < 0) {
            throw ProblemException.invalid("dataops-expected-rows");
        }
        DatabaseTargets.DatabaseTarget target = activeTarget(original.target());
        long expected = expectedRows != null ? expectedRows : original.execution().totalRows();
        DataOperation created = create(target, original.rollbackSql(), null, reason, original.links(), expected, id,
                actor, "dataops.request.rollback");
        transactions.executeWithoutResult(status -> operations.note(id, clock.instant(), "rollbackRequested", actor,
                String.valueOf(created.id())));
        return created;
    }

    private DataOperation create(DatabaseTargets.DatabaseTarget target, String statements, String rollback,
                                 String reason, DataOperation.Links links, long expected, Long rollbackOf, String actor,
                                 String action) {
        Instant at = clock.instant();
        Script script = Script.parse(statements, "statements");
        return transactions.execute(status -> {
            long id = operations.insert(target.code(), statements, rollback, reason, links, expected, rollbackOf, actor,
                    at);
            operations.note(id, at, rollbackOf == null ? "drafted" : "rollbackDrafted", actor,
                    rollbackOf == null ? null : String.valueOf(rollbackOf));
            DataOperation op = operations.find(id).orElseThrow();
            List<FieldChange> fields = new ArrayList<>(List.of(FieldChange.set("dataopsTarget", target.code()),
                    FieldChange.set("statementCount", script.statements().size()),
                    FieldChange.set("expectedRows", expected)));
            if (links.ticketId() != null) {
                fields.add(FieldChange.set("ticketId", links.ticketId()));
            }
            if (links.changeId() != null) {
                fields.add(FieldChange.set("changeId", links.changeId()));
            }
            if (rollbackOf != null) {
                fields.add(FieldChange.set("rollbackOf", rollbackOf));
            }
            publish(action, op, AuditableEvent.Outcome.SUCCESS, fields);
            return op;
        });
    }

    private DatabaseTargets.DatabaseTarget activeTarget(String code) {
        String wanted = blank(code);
        if (wanted == null) {
            throw ProblemException.invalid("dataops-target-required");
        }
        DatabaseTargets.DatabaseTarget target = targets.find(wanted)
                .orElseThrow(() -> ProblemException.notFound("dataops-target", wanted));
        if (!target.active()) {
            throw ProblemException.conflict("dataops-target-retired", wanted);
        }
        return target;
    }

    private DataOperation.Links links(Long ticketId, Long changeId, DatabaseTargets.DatabaseTarget target) {
        if (ticketId == null && changeId == null) {
            throw ProblemException.invalid("dataops-link-required");
        }
        if (ticketId != null && ticketId < 1) {
            throw ProblemException.invalid("dataops-ticket-invalid", ticketId);
        }
        if (ticketId != null && !tickets.exists(ticketId)) {
            throw ProblemException.notFound("ticket", ticketId);
        }
        if (changeId != null && changes.find(changeId).isEmpty()) {
            throw ProblemException.notFound("change", changeId);
        }
        if (target.production() && changeId == null) {
            throw ProblemException.invalid("dataops-production-change-required", target.code());
        }
        return new DataOperation.Links(ticketId, changeId);
    }

    /** A production target's request needs its change authorized in writing by the hospital, still in force. */
    private void requireAuthorization(DataOperation op) {
        boolean production = targets.find(op.target()).map(DatabaseTargets.DatabaseTarget::production).orElse(true);
        if (!production) {
            return;
        }
        Long changeId = op.links().changeId();
        ChangeSummary.Status status = changeId == null ? null
                : changes.find(changeId).map(ChangeSummary::status).orElse(null);
        if (status != ChangeSummary.Status.AUTHORIZED && status != ChangeSummary.Status.IN_PROGRESS) {
            throw ProblemException.conflict("dataops-authorization-missing", changeId == null ? "—" : "#" + changeId);
        }
    }

    private void publish(String action, DataOperation op, AuditableEvent.Outcome outcome, List<FieldChange> changes) {
        events.publishEvent(new DataOpAction(action, String.valueOf(op.id()), outcome, changes));
    }

    private static List<FieldChange> runChanges(DataOperation op, Run run) {
        List<FieldChange> fields = new ArrayList<>(List.of(FieldChange.set("dataopsTarget", op.target()),
                FieldChange.set("runOutcome", run.outcome()), FieldChange.set("expectedRows", op.expectedRows()),
                FieldChange.set("affectedRows", run.totalRows()), FieldChange.set("statementCount", run.statements().size())));
        if (run.outcome() != Run.Outcome.PREVIEWED) {
            fields.add(FieldChange.set("dataopsStatus", op.status()));
        }
        return fields;
    }

    private static String reason(String text, String problem) {
        String reason = blank(text);
        if (reason == null) {
            throw ProblemException.invalid(problem);
        }
        if (reason.length() > MAX_REASON) {
            throw ProblemException.invalid("dataops-reason-too-long", MAX_REASON);
        }
        return reason;
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
