package org.medops.inspection.rounds;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import javax.sql.DataSource;

import org.medops.inspection.checks.CheckCode;
import org.medops.inspection.checks.CheckSetting;
import org.medops.inspection.targets.Target;
import org.medops.inspection.targets.TargetInput;
import org.medops.inspection.targets.Targets;
import org.medops.settings.Settings;
import org.medops.shared.DemoData;
import org.medops.shared.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The inspection demo: MedOps itself and its own database (as a PostgreSQL target, over JDBC like any hospital
 * database) with a quarter of past rounds relative to today — a daily round every day, a database performance
 * round every month, the quarterly round at the start — and, in yesterday's round, the database's connections
 * over their limit: a failing check with the ticket it opened.
 */
@Component
@ConditionalOnProperty(name = "medops.demo", havingValue = "true")
@Order(50)
class InspectionDemo implements DemoData {

    static final String SELF = "medops-self";
    static final String DATABASE = "medops-db";
    private static final Logger log = LoggerFactory.getLogger(InspectionDemo.class);

    private final Targets targets;
    private final RoundRunner runner;
    private final Rounds rounds;
    private final DataSource dataSource;
    private final Settings settings;
    private final Clock clock;
    private final String password;
    private final org.springframework.transaction.support.TransactionTemplate transactions;

    InspectionDemo(Targets targets, RoundRunner runner, Rounds rounds, DataSource dataSource, Settings settings,
                   Clock clock, @Value("${medops.db.password:}") String password,
                   org.springframework.transaction.support.TransactionTemplate transactions) {
        this.transactions = transactions;
        this.targets = targets;
        this.runner = runner;
        this.rounds = rounds;
        this.dataSource = dataSource;
        this.settings = settings;
        this.clock = clock;
        this.password = password;
    }

    @Override
    public String name() {
        return "inspection targets and rounds";
    }

    @Override
    public void seed() {
        try {
            targets.get(SELF);
            return; // seeded before
        } catch (ProblemException absent) {
            // seed below
        }
        String url;
        String user;
        try (Connection connection = dataSource.getConnection()) {
            url = connection.getMetaData().getURL();
            user = connection.getMetaData().getUserName();
        } catch (java.sql.SQLException e) {
            log.warn("Demo: inspection not seeded, the database did not answer: {}", e.getMessage());
            return;
        }
        targets.create(new TargetInput(SELF, "MedOps 本平台", "MEDOPS", null, List.of(), "GATEWAY"), "demo");
        targets.create(new TargetInput(DATABASE, "MedOps 数据库（本机 PostgreSQL）", "POSTGRESQL",
                new TargetInput.ConnectionInput(null, null, user, password.isBlank() ? null : password, null, url, null,
                        null, null),
                List.of(new CheckSetting("QUEUE_DEPTH", true, null, null, List.of(), List.of(), List.of(), null, null,
                        "select count(*) from integration_queue", List.of(), null, null, null)), "GATEWAY"), "demo");
        List<Target> both = List.of(targets.get(SELF), targets.get(DATABASE));
        ZoneId zone = settings.current().zone();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        for (int days = 90; days >= 1; days--) {
            Instant at = today.minusDays(days).atTime(9, 0).atZone(zone).toInstant();
            if (days == 90) {
                past(Template.QUARTERLY, both, at.minusSeconds(3600), days, false);
            }
            if (days % 30 == 0) {
                past(Template.DATABASE, both, at.plusSeconds(7200), days, false);
            }
            past(Template.DAILY, both, at, days, days == 1);
        }
    }

    /** A finished round with plausible results; the last one is finished like a real round, announcing its failure. */
    private void past(Template template, List<Target> on, Instant at, int daysAgo, boolean announce) {
        // In one transaction: the recovery never sees these old RUNNING rows and closes them as interrupted.
        Long round = transactions.execute(status -> written(template, on, at, daysAgo, announce));
        if (announce && round != null) {
            runner.finish(round);
        }
    }

    private long written(Template template, List<Target> on, Instant at, int daysAgo, boolean announce) {
        long id = rounds.start(template, RoundTrigger.SCHEDULE, null, on.stream().map(Target::code).toList(), "demo", at);
        int n = 0;
        for (RoundRunner.Job job : runner.plan(template, on)) {
            Result r = result(job.target().code(), job.check(), daysAgo);
            rounds.item(id, job.target().code(), job.check().name(), r.result, r.value,
                    job.setting().limit(job.check()).text(), r.evidence, at.plusSeconds(5 + n++));
        }
        if (!announce) {
            rounds.finish(id, at.plusSeconds(60));
        }
        return id;
    }

    private record Result(ItemResult result, String value, String evidence) {
    }

    private static Result result(String target, CheckCode check, int daysAgo) {
        int wave = (daysAgo * 7) % 11;
        return switch (check) {
            case DB_UP -> new Result(ItemResult.PASS, "PostgreSQL 16", "> select version()\nPostgreSQL 16 (demo)");
            case CONNECTIONS -> DATABASE.equals(target) && daysAgo == 1
                    ? new Result(ItemResult.FAIL, "97/100 (97%)", "> select count(*) from pg_stat_activity\n97\n> show max_connections\n100")
                    : DATABASE.equals(target) && daysAgo <= 4
                    ? new Result(ItemResult.WARN, (82 + daysAgo) + "/100 (" + (82 + daysAgo) + "%)", "> select count(*) from pg_stat_activity")
                    : new Result(ItemResult.PASS, (20 + wave) + "/100 (" + (20 + wave) + "%)", "> select count(*) from pg_stat_activity");
            case REPLICATION -> new Result(ItemResult.PASS, "primary, 0/0 standbys streaming, lag 0 s",
                    "> select … from pg_stat_replication\n(no rows)");
            case BACKUP_FRESHNESS -> new Result(ItemResult.PASS, (2 + wave % 3) + " h", "$ ls data/backups/medops-*");
            case BACKUP_COUNT -> new Result(ItemResult.PASS, "7", "$ ls data/backups/medops-*");
            case QUEUE_DEPTH -> new Result(wave > 9 ? ItemResult.WARN : ItemResult.PASS, String.valueOf(wave * 12),
                    "> integration destination queues");
            case GATEWAY_NODES -> new Result(ItemResult.PASS, "1/1 alive", "> gateway_nodes");
            case DB_SIZE -> new Result(ItemResult.PASS, String.format(java.util.Locale.ROOT, "%.2f GB", 1.2 + (90 - daysAgo) * 0.01),
                    "> select datname, pg_database_size(datname) from pg_database");
            case LONG_TRANSACTIONS -> new Result(ItemResult.PASS, wave + " s", "> select … from pg_stat_activity");
            case BLOAT -> new Result(ItemResult.PASS, (wave + 2) + "%", "> select … from pg_stat_user_tables");
            default -> new Result(ItemResult.PASS, "—", "");
        };
    }
}
