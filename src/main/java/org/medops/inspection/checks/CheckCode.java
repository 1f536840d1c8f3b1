package org.medops.inspection.checks;

import static org.medops.inspection.checks.TargetKind.HTTP;
import static org.medops.inspection.checks.TargetKind.KUBERNETES;
import static org.medops.inspection.checks.TargetKind.MEDOPS;
import static org.medops.inspection.checks.TargetKind.MYSQL;
import static org.medops.inspection.checks.TargetKind.POSTGRESQL;
import static org.medops.inspection.checks.TargetKind.SSH;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The catalogue: each check, the kinds of target it applies to, its unit and its default thresholds from the seeds
 * (partitions under 95 %, log files under 10 GB, the newest backup under 26 h with at least 7 kept). A check whose
 * {@link Limit#direction()} is {@code MAX} fails at or above its limit, a {@code MIN} one below it.
 */
public enum CheckCode {
    DISK_USAGE(EnumSet.of(SSH), new Limit(Direction.MAX, 85.0, 95.0, "%")),
    INODE_USAGE(EnumSet.of(SSH), new Limit(Direction.MAX, 85.0, 95.0, "%")),
    SERVICES(EnumSet.of(SSH), new Limit(Direction.MAX, null, 0.0, "")),
    LOG_SIZE(EnumSet.of(SSH), new Limit(Direction.MAX, 8.0, 10.0, "GB")),
    LOG_ERRORS(EnumSet.of(SSH), new Limit(Direction.MAX, 0.0, null, "")),
    BACKUP_FRESHNESS(EnumSet.of(SSH, MEDOPS), new Limit(Direction.MAX, null, 26.0, "h")),
    BACKUP_COUNT(EnumSet.of(SSH, MEDOPS), new Limit(Direction.MIN, 7.0, 1.0, "")),
    QUEUE_DEPTH(EnumSet.of(SSH, POSTGRESQL, MYSQL, MEDOPS), new Limit(Direction.MAX, 100.0, 1000.0, "")),
    DB_UP(EnumSet.of(POSTGRESQL, MYSQL, MEDOPS), new Limit(Direction.MAX, null, null, "")),
    DB_SIZE(EnumSet.of(POSTGRESQL, MYSQL, MEDOPS), new Limit(Direction.MAX, null, null, "GB")),
    CONNECTIONS(EnumSet.of(POSTGRESQL, MYSQL, MEDOPS), new Limit(Direction.MAX, 80.0, 95.0, "%")),
    REPLICATION(EnumSet.of(POSTGRESQL, MYSQL, MEDOPS), new Limit(Direction.MAX, 30.0, 300.0, "s")),
    LONG_TRANSACTIONS(EnumSet.of(POSTGRESQL, MYSQL, MEDOPS), new Limit(Direction.MAX, 300.0, 1800.0, "s")),
    BLOAT(EnumSet.of(POSTGRESQL, MYSQL, MEDOPS), new Limit(Direction.MAX, 20.0, 50.0, "%")),
    HTTP_UP(EnumSet.of(HTTP), new Limit(Direction.MAX, 2000.0, null, "ms")),
    CERT_EXPIRY(EnumSet.of(HTTP), new Limit(Direction.MIN, 30.0, 7.0, "d")),
    K8S_NODES(EnumSet.of(KUBERNETES), new Limit(Direction.MAX, null, 0.0, "")),
    K8S_DEPLOYMENTS(EnumSet.of(KUBERNETES), new Limit(Direction.MAX, null, 0.0, "")),
    K8S_PODS(EnumSet.of(KUBERNETES), new Limit(Direction.MAX, null, 0.0, "")),
    GATEWAY_NODES(EnumSet.of(MEDOPS), new Limit(Direction.MAX, null, 0.0, ""));

    public enum Direction { MAX, MIN }

    /** {@code warn}/{@code fail} null: that grade is never given on the number alone. */
    public record Limit(Direction direction, Double warn, Double fail, String unit) {

        public Outcome grade(double value) {
            if (beyond(value, fail)) {
                return Outcome.FAIL;
            }
            return beyond(value, warn) ? Outcome.WARN : Outcome.PASS;
        }

        /** A limit of 0 on a count means any at all; otherwise reaching it is beyond (a partition at 95 % fails). */
        private boolean beyond(double value, Double at) {
            if (at == null) {
                return false;
            }
            if (direction == Direction.MIN) {
                return value < at;
            }
            return at == 0 ? value > 0 : value >= at;
        }

        /** As the report prints it: {@code < 95%}, {@code ≥ 7}, {@code 0}. */
        public String text() {
            Double limit = fail != null ? fail : warn;
            if (limit == null) {
                return null;
            }
            String suffix = unit.isEmpty() || unit.equals("%") ? unit : " " + unit;
            if (direction == Direction.MIN) {
                return "≥ " + number(warn != null ? warn : limit) + suffix;
            }
            return limit == 0 ? "0" : "< " + number(limit) + suffix;
        }

        public Limit with(Double warnAt, Double failAt) {
            return new Limit(direction, warnAt != null ? warnAt : warn, failAt != null ? failAt : fail, unit);
        }
    }

    private final Set<TargetKind> kinds;
    private final Limit limit;

    CheckCode(Set<TargetKind> kinds, Limit limit) {
        this.kinds = kinds;
        this.limit = limit;
    }

    public boolean appliesTo(TargetKind kind) {
        return kinds.contains(kind);
    }

    public Limit defaultLimit() {
        return limit;
    }

    public static List<CheckCode> of(TargetKind kind) {
        return java.util.Arrays.stream(values()).filter(c -> c.appliesTo(kind)).toList();
    }

    /**
     * Whether the check can run with these settings: services, log paths and the queue query are the target's own
     * (a host has no default service list); MedOps knows its backup directory and its queues.
     */
    public boolean runnable(TargetKind kind, CheckSetting setting) {
        return switch (this) {
            case SERVICES -> !setting.services().isEmpty();
            case LOG_SIZE, LOG_ERRORS -> !setting.paths().isEmpty();
            case BACKUP_FRESHNESS, BACKUP_COUNT -> kind == MEDOPS || setting.directory() != null
                    || setting.backupTool() != null;
            case QUEUE_DEPTH -> kind == MEDOPS || setting.query() != null || setting.directory() != null;
            default -> true;
        };
    }

    static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e12 ? String.valueOf((long) value)
                : String.format(java.util.Locale.ROOT, "%.1f", value);
    }
}
