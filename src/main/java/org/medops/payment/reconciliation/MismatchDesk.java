package org.medops.payment.reconciliation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.medops.shared.FieldChange;
import org.medops.shared.ProblemException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Handles mismatches and closes days. Only the day's latest run's mismatches are handled (an earlier run's were
 * replaced by running the day again); a closed day takes no more handling and no new run; a day closes when every
 * mismatch of its latest run has a resolution.
 */
@Service
class MismatchDesk {

    private final Runs runs;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    MismatchDesk(Runs runs, ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock) {
        this.runs = runs;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    Run run(long id) {
        return runs.find(id).orElseThrow(() -> ProblemException.notFound("recon-run", id));
    }

    Mismatch resolve(long mismatchId, Resolution resolution, String note, String actor) {
        return transactions.execute(status -> {
            Mismatch mismatch = runs.mismatch(mismatchId)
                    .orElseThrow(() -> ProblemException.notFound("recon-mismatch", mismatchId));
            runs.lock(mismatch.runId());
            Run run = run(mismatch.runId());
            if (run.status() == RunStatus.CLOSED) {
                throw ProblemException.conflict("recon-day-closed", run.merchantCode(), run.businessDate().toString());
            }
            if (run.status() == RunStatus.SUPERSEDED) {
                throw ProblemException.conflict("recon-run-superseded", run.id());
            }
            Mismatch resolved = runs.mismatch(mismatchId).orElseThrow()
                    .resolve(resolution, note, actor, clock.instant());
            runs.resolve(resolved);
            events.publishEvent(ReconciliationAudit.ofMismatch(mismatchId, List.of(
                    FieldChange.set("reconRun", run.id()), FieldChange.set("reconCategory", mismatch.category()),
                    FieldChange.set("reconOutTradeNo", mismatch.outTradeNo()),
                    FieldChange.of("reconResolution", null, resolution),
                    FieldChange.set("reconNote", resolved.handling().note()))));
            return resolved;
        });
    }

    Run close(long runId, String actor) {
        return transactions.execute(status -> {
            runs.lock(runId);
            Run run = run(runId);
            if (run.status() == RunStatus.CLOSED) {
                throw ProblemException.conflict("recon-day-closed", run.merchantCode(), run.businessDate().toString());
            }
            if (run.status() == RunStatus.SUPERSEDED) {
                throw ProblemException.conflict("recon-run-superseded", run.id());
            }
            long open = runs.unresolved(runId);
            if (open > 0) {
                throw ProblemException.conflict("recon-day-open-mismatches", open);
            }
            Instant at = clock.instant();
            runs.close(run.merchantCode(), run.businessDate(), runId, actor, at);
            events.publishEvent(ReconciliationAudit.ofRun("recon.day.close", runId, List.of(
                    FieldChange.set("reconMerchant", run.merchantCode()), FieldChange.set("reconDate", run.businessDate()),
                    FieldChange.set("reconMismatches", run.mismatches()))));
            return run(runId);
        });
    }
}
