package org.medops.inspection.checks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.medops.shared.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The catalogue and its probes as one service: which checks a target runs with its settings, running one check
 * (blocking, bounded by the connection and query time limits; the caller bounds the whole), and the connection
 * test of a target being saved. A check that cannot be made answers ERROR with why, never an exception.
 */
@Service
public class Checks {

    private static final Logger log = LoggerFactory.getLogger(Checks.class);

    private final HostChecks hosts;
    private final DatabaseChecks databases;
    private final HttpChecks http;
    private final ClusterChecks clusters;
    private final MedopsChecks medops;
    private final Duration checkTimeout;

    Checks(HostChecks hosts, DatabaseChecks databases, HttpChecks http, ClusterChecks clusters, MedopsChecks medops,
           @Value("${medops.inspection.check-timeout:20s}") Duration checkTimeout) {
        this.hosts = hosts;
        this.databases = databases;
        this.http = http;
        this.clusters = clusters;
        this.medops = medops;
        this.checkTimeout = checkTimeout;
    }

    /** Each check's time limit, also the bound of every query and command in it. */
    public Duration timeLimit() {
        return checkTimeout;
    }

    /** What a target's settings make of the catalogue: each applicable check with its setting (the default where
     * the target has none), without the disabled ones and those that lack their parameters. */
    public List<Planned> plan(TargetKind kind, List<CheckSetting> settings) {
        List<Planned> planned = new ArrayList<>();
        for (CheckCode code : CheckCode.of(kind)) {
            CheckSetting setting = settings.stream().filter(s -> code.name().equals(s.check())).findFirst()
                    .orElse(CheckSetting.defaults(code));
            if (setting.on() && code.runnable(kind, setting)) {
                planned.add(new Planned(code, setting));
            }
        }
        return planned;
    }

    public record Planned(CheckCode check, CheckSetting setting) {
    }

    /**
     * Refuses settings naming a check the catalogue does not have, or one that does not apply to the kind, or
     * thresholds and patterns that cannot work; answers them as the target keeps them.
     */
    public List<CheckSetting> validate(TargetKind kind, List<CheckSetting> settings) {
        List<CheckSetting> valid = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (CheckSetting setting : settings == null ? List.<CheckSetting>of() : settings) {
            Optional<CheckCode> code = code(setting == null ? null : setting.check());
            if (code.isEmpty() || !code.get().appliesTo(kind)) {
                throw ProblemException.invalid("inspection-check-unknown", setting == null ? "" : setting.check(),
                        kind.name());
            }
            if (!seen.add(code.get().name())) {
                throw ProblemException.invalid("inspection-check-twice", code.get().name());
            }
            for (Double limit : java.util.Arrays.asList(setting.warnAt(), setting.failAt())) {
                if (limit != null && (limit.isNaN() || limit < 0 || limit > 1e9)) {
                    throw ProblemException.invalid("inspection-check-threshold", code.get().name());
                }
            }
            for (String pattern : setting.patterns()) {
                try {
                    java.util.regex.Pattern.compile(pattern);
                } catch (java.util.regex.PatternSyntaxException e) {
                    throw ProblemException.invalid("inspection-check-pattern", pattern);
                }
            }
            List<String> words = new ArrayList<>(setting.services());
            words.addAll(setting.paths());
            words.addAll(setting.patterns());
            words.addAll(setting.namespaces());
            if (setting.directory() != null) {
                words.add(setting.directory());
            }
            if (setting.filePattern() != null) {
                words.add(setting.filePattern());
            }
            if (words.stream().anyMatch(w -> w.length() > 500 || w.chars().anyMatch(c -> c < 0x20))) {
                throw ProblemException.invalid("inspection-check-parameter", code.get().name());
            }
            String tool = setting.backupTool() == null ? null : setting.backupTool().toUpperCase(java.util.Locale.ROOT);
            BackupTool.check(tool, setting.backupSet());
            valid.add(new CheckSetting(code.get().name(), setting.enabled(), setting.warnAt(), setting.failAt(),
                    setting.services(), setting.paths(), setting.patterns(), setting.directory(), setting.filePattern(),
                    setting.query(), setting.namespaces(), setting.expected(), tool, setting.backupSet()));
        }
        return valid;
    }

    public static Optional<CheckCode> code(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(CheckCode.valueOf(name.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Runs one check now; blocks at most about the time limit, answers ERROR with why when it cannot. */
    public CheckResult run(Endpoint endpoint, CheckCode check, CheckSetting setting) {
        try {
            return switch (endpoint.kind()) {
                case SSH -> hosts.run(endpoint, check, setting, checkTimeout);
                case POSTGRESQL, MYSQL -> databases.run(endpoint, check, setting, checkTimeout);
                case HTTP -> http.run(endpoint, check, setting, checkTimeout);
                case KUBERNETES -> clusters.run(endpoint, check, setting, checkTimeout);
                case MEDOPS -> switch (check) {
                    case GATEWAY_NODES -> medops.gatewayNodes(setting);
                    case QUEUE_DEPTH -> medops.queues(setting);
                    case BACKUP_FRESHNESS, BACKUP_COUNT -> medops.backups(check, setting);
                    default -> databases.run(endpoint, check, setting, checkTimeout);
                };
            };
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CheckResult.error(check, "interrupted", null);
        } catch (Exception e) {
            String why = why(e);
            log.info("Inspection: {} on {} could not be checked: {}", check, endpoint.targetCode(), why);
            return CheckResult.error(check, why, e.getClass().getSimpleName() + ": " + why);
        }
    }

    /**
     * A JDBC connection to a database target, signed in with its secret, its network reads bounded by {@code limit};
     * for features that run their own statements (reviewed data operations). The caller closes it.
     */
    public java.sql.Connection connect(Endpoint endpoint, Duration limit) throws java.sql.SQLException {
        if (endpoint.kind() != TargetKind.POSTGRESQL && endpoint.kind() != TargetKind.MYSQL) {
            throw new java.sql.SQLException(endpoint.targetCode() + " is not a database target");
        }
        return databases.connect(endpoint, limit);
    }

    /** Reaches and signs in to the target (a command, a query, a request), as the save of a target does. */
    public ConnectionTest test(Endpoint endpoint) {
        try {
            String detail = switch (endpoint.kind()) {
                case SSH -> hosts.test(endpoint, checkTimeout);
                case POSTGRESQL, MYSQL -> databases.test(endpoint, checkTimeout);
                case HTTP -> http.test(endpoint, checkTimeout);
                case KUBERNETES -> clusters.test(endpoint, checkTimeout);
                case MEDOPS -> databases.test(endpoint, checkTimeout) + "\nbackups: "
                        + medops.backupDirectory().toAbsolutePath().normalize();
            };
            return new ConnectionTest(true, CheckResult.trim(detail, 2000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ConnectionTest(false, "interrupted");
        } catch (Exception e) {
            return new ConnectionTest(false, why(e));
        }
    }

    /** The innermost message that says something: "Connection refused", "Auth fail", "password authentication…". */
    static String why(Throwable e) {
        Throwable cause = e;
        String message = e.getMessage();
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
            if (cause.getMessage() != null) {
                message = cause.getMessage();
            }
        }
        if (message == null || message.isBlank()) {
            message = cause.getClass().getSimpleName();
        }
        return CheckResult.trim(message.strip(), 300);
    }
}
