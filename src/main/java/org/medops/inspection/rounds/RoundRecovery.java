package org.medops.inspection.rounds;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.medops.inspection.targets.Target;
import org.medops.inspection.targets.Targets;
import org.medops.shared.FieldChange;
import org.medops.shared.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A round whose runner died (a crash, a restart, a node taken away) is not re-run — its checks would measure a
 * different moment than the one it was started for — but finished as interrupted: every check it had not
 * recorded is an ERROR saying so, which the report shows and a new round can follow. Found by the missing
 * heartbeat, at start and every minute, by whichever node sees it first.
 */
@Component
class RoundRecovery {

    static final String INTERRUPTED = "interrupted: the round's runner stopped (restart or crash) before this check finished";

    private static final Logger log = LoggerFactory.getLogger(RoundRecovery.class);

    private final Rounds rounds;
    private final RoundRunner runner;
    private final Targets targets;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration abandonedAfter;

    RoundRecovery(Rounds rounds, RoundRunner runner, Targets targets, ApplicationEventPublisher events,
                  TransactionTemplate transactions, Clock clock,
                  @Value("${medops.inspection.abandoned-after:2m}") Duration abandonedAfter) {
        this.rounds = rounds;
        this.runner = runner;
        this.targets = targets;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
        this.abandonedAfter = abandonedAfter;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        sweep();
    }

    @Scheduled(fixedDelayString = "${medops.inspection.recovery-interval:60s}",
            initialDelayString = "${medops.inspection.recovery-interval:60s}")
    void periodically() {
        sweep();
    }

    /** Finishes the abandoned rounds; answers how many. */
    int sweep() {
        try {
            Integer closed = transactions.execute(status -> {
                Instant now = clock.instant();
                List<Rounds.Running> abandoned = rounds.abandoned(now.minus(abandonedAfter));
                int n = 0;
                for (Rounds.Running round : abandoned) {
                    if (runner.runs(round.id())) {
                        continue;
                    }
                    interrupt(round, now);
                    n++;
                }
                return n;
            });
            return closed == null ? 0 : closed;
        } catch (RuntimeException e) {
            log.warn("Inspection: abandoned rounds could not be closed: {}", e.getMessage());
            return 0;
        }
    }

    private void interrupt(Rounds.Running round, Instant now) {
        int missing = 0;
        for (String code : round.targets()) {
            Target target;
            try {
                target = targets.get(code);
            } catch (ProblemException gone) {
                continue;
            }
            List<String> done = rounds.checked(round.id(), code);
            for (RoundRunner.Job job : runner.plan(round.template(), List.of(target))) {
                if (!done.contains(job.check().name())) {
                    rounds.item(round.id(), code, job.check().name(), ItemResult.ERROR, "interrupted", null, INTERRUPTED,
                            now);
                    missing++;
                }
            }
        }
        rounds.finish(round.id(), now);
        events.publishEvent(new RoundAction("inspection.round.interrupt", String.valueOf(round.id()),
                List.of(FieldChange.set("interruptedChecks", missing)), "system"));
        log.warn("Inspection: round {} (started {}) was abandoned by its runner; {} checks closed as interrupted",
                round.id(), round.startedAt(), missing);
    }
}
