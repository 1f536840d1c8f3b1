package org.medops.inspection.rounds;

import org.medops.inspection.CheckFailing;
import org.medops.inspection.CheckRecovered;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.medops.inspection.checks.CheckCode;
import org.medops.inspection.checks.CheckResult;
import org.medops.inspection.checks.Checks;
import org.medops.inspection.checks.Endpoint;
import org.medops.inspection.targets.Target;
import org.medops.inspection.targets.Targets;
import org.medops.shared.FieldChange;
import org.medops.shared.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs rounds in the background: every planned check of every target at once on a bounded pool, each under its
 * time limit (a check still running at the limit is given up as ERROR and its thread interrupted), every result
 * written as it comes so the round page fills up live. When the last result is in, the round is DONE and each
 * failing check, and each check that failed last time and passes now, is announced for the ops desk.
 */
@Service
class RoundRunner implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RoundRunner.class);

    private final Targets targets;
    private final Checks checks;
    private final Rounds rounds;
    private final RoundReader reader;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate newTransaction;
    private final Clock clock;
    private final ExecutorService pool;
    private final ScheduledExecutorService timer;
    private final Set<Long> running = ConcurrentHashMap.newKeySet();

    RoundRunner(Targets targets, Checks checks, Rounds rounds, RoundReader reader, ApplicationEventPublisher events,
                PlatformTransactionManager transactions, Clock clock,
                @Value("${medops.inspection.parallel-checks:16}") int parallel) {
        this.targets = targets;
        this.checks = checks;
        this.rounds = rounds;
        this.reader = reader;
        this.events = events;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.pool = Executors.newFixedThreadPool(parallel, named("inspection-check"));
        this.timer = Executors.newSingleThreadScheduledExecutor(named("inspection-limit"));
    }

    /** One planned check of a round. */
    record Job(Target target, CheckCode check, org.medops.inspection.checks.CheckSetting setting) {
    }

    /** Starts a round now and answers its id; the checks run in the background. */
    long start(Template template, List<String> targetCodes, RoundTrigger trigger, Long scheduleId, String by) {
        List<Target> chosen = targets.forRound(targetCodes);
        List<Job> jobs = plan(template, chosen);
        Instant at = clock.instant();
        List<String> codes = chosen.stream().map(Target::code).toList();
        long id = newTransaction.execute(status -> {
            long round = rounds.start(template, trigger, scheduleId, codes, by, at);
            events.publishEvent(new RoundAction("inspection.round.start", String.valueOf(round), List.of(
                    FieldChange.set("roundTemplate", template == null ? "ALL" : template.name()),
                    FieldChange.set("roundTargets", String.join(", ", codes)), FieldChange.set("roundTrigger", trigger),
                    FieldChange.set("roundChecks", jobs.size())), by));
            return round;
        });
        running.add(id);
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (Job job : jobs) {
            all.add(limited(job).thenAccept(result -> record(id, job, result)));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).whenComplete((done, failure) -> finish(id));
        return id;
    }

    /** The schedules ask for a round when one falls due. */
    @ApplicationModuleListener
    void on(RoundDue due) {
        try {
            start(due.template(), due.targets(), due.trigger(), due.scheduleId(),
                    due.requestedBy() == null ? "system" : due.requestedBy());
        } catch (ProblemException e) {
            // A schedule naming a target retired since: the round cannot be run, and retrying will not help.
            log.warn("Inspection: the round due from schedule {} was not started: {}", due.scheduleId(), e.code());
        }
    }

    List<Job> plan(Template template, List<Target> chosen) {
        List<Job> jobs = new ArrayList<>();
        for (Target target : chosen) {
            for (Checks.Planned planned : checks.plan(target.kind(), target.checks())) {
                if (TemplateChecks.includes(template, planned.check())) {
                    jobs.add(new Job(target, planned.check(), planned.setting()));
                }
            }
        }
        return jobs;
    }

    /** The check on the pool, given up at its time limit counted from when it started (not while it queued). */
    private CompletableFuture<CheckResult> limited(Job job) {
        CompletableFuture<CheckResult> result = new CompletableFuture<>();
        Duration limit = checks.timeLimit();
        pool.execute(() -> {
            Thread worker = Thread.currentThread();
            Object lock = new Object();
            boolean[] finished = {false};
            ScheduledFuture<?> guard = timer.schedule(() -> {
                if (result.complete(CheckResult.error(job.check(), "timed out after " + limit.toSeconds() + " s",
                        "the check did not finish within its time limit of " + limit.toSeconds() + " s"))) {
                    synchronized (lock) {
                        if (!finished[0]) {
                            worker.interrupt();
                        }
                    }
                }
            }, limit.toMillis(), TimeUnit.MILLISECONDS);
            try {
                Endpoint endpoint = targets.endpoint(job.target().code());
                result.complete(checks.run(endpoint, job.check(), job.setting()));
            } catch (RuntimeException e) {
                result.complete(CheckResult.error(job.check(), e.getMessage(), e.toString()));
            } finally {
                synchronized (lock) {
                    finished[0] = true;
                }
                guard.cancel(false);
                Thread.interrupted();
            }
        });
        return result;
    }

    private void record(long round, Job job, CheckResult result) {
        try {
            rounds.item(round, job.target().code(), job.check().name(), ItemResult.valueOf(result.outcome().name()),
                    result.value(), result.threshold(), result.evidence(), clock.instant());
        } catch (RuntimeException e) {
            log.warn("Inspection: the result of {} on {} in round {} could not be stored: {}", job.check(),
                    job.target().code(), round, e.getMessage());
        }
    }

    /** DONE, and the failing and recovered checks announced in the same transaction. */
    void finish(long round) {
        running.remove(round);
        try {
            newTransaction.executeWithoutResult(status -> {
                if (!rounds.finish(round, clock.instant())) {
                    return; // closed as interrupted meanwhile
                }
                announce(round);
            });
        } catch (RuntimeException e) {
            log.error("Inspection: round {} could not be finished", round, e);
        }
    }

    private void announce(long round) {
        for (RoundItem item : reader.find(round).map(RoundSheet::items).orElse(List.of())) {
            if (item.result() == ItemResult.FAIL) {
                events.publishEvent(new CheckFailing(round, item.targetCode(), item.targetName(), system(item),
                        item.checkCode(), item.value(), item.threshold(), item.evidence(), item.checkedAt()));
            } else if (item.result() == ItemResult.PASS || item.result() == ItemResult.WARN) {
                if (rounds.previous(round, item.targetCode(), item.checkCode()).orElse(null) == ItemResult.FAIL) {
                    events.publishEvent(new CheckRecovered(round, item.targetCode(), item.targetName(), item.checkCode(),
                            item.value(), item.checkedAt()));
                }
            }
        }
    }

    private String system(RoundItem item) {
        try {
            return targets.get(item.targetCode()).system();
        } catch (ProblemException e) {
            return null;
        }
    }

    @Scheduled(fixedDelayString = "${medops.inspection.heartbeat:30s}")
    void heartbeat() {
        rounds.heartbeat(List.copyOf(running), clock.instant());
    }

    boolean runs(long round) {
        return running.contains(round);
    }

    @Override
    public void destroy() {
        pool.shutdownNow();
        timer.shutdownNow();
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
