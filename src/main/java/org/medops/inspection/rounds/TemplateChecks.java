package org.medops.inspection.rounds;

import static org.medops.inspection.checks.CheckCode.BACKUP_COUNT;
import static org.medops.inspection.checks.CheckCode.BACKUP_FRESHNESS;
import static org.medops.inspection.checks.CheckCode.BLOAT;
import static org.medops.inspection.checks.CheckCode.CONNECTIONS;
import static org.medops.inspection.checks.CheckCode.DB_SIZE;
import static org.medops.inspection.checks.CheckCode.DB_UP;
import static org.medops.inspection.checks.CheckCode.DISK_USAGE;
import static org.medops.inspection.checks.CheckCode.GATEWAY_NODES;
import static org.medops.inspection.checks.CheckCode.HTTP_UP;
import static org.medops.inspection.checks.CheckCode.K8S_NODES;
import static org.medops.inspection.checks.CheckCode.K8S_PODS;
import static org.medops.inspection.checks.CheckCode.LOG_ERRORS;
import static org.medops.inspection.checks.CheckCode.LONG_TRANSACTIONS;
import static org.medops.inspection.checks.CheckCode.QUEUE_DEPTH;
import static org.medops.inspection.checks.CheckCode.REPLICATION;
import static org.medops.inspection.checks.CheckCode.SERVICES;

import java.util.EnumSet;
import java.util.Set;

import org.medops.inspection.checks.CheckCode;

/**
 * Which checks each template runs: the daily light round (is everything up, is anything full or stuck), the
 * quarterly full round (everything), the database performance round, the backup check. No template: each
 * target's full list.
 */
final class TemplateChecks {

    private TemplateChecks() {
    }

    static boolean includes(Template template, CheckCode check) {
        return template == null || template == Template.QUARTERLY || of(template).contains(check);
    }

    static Set<CheckCode> of(Template template) {
        return switch (template) {
            case DAILY -> EnumSet.of(DISK_USAGE, SERVICES, LOG_ERRORS, DB_UP, CONNECTIONS, REPLICATION, BACKUP_FRESHNESS,
                    QUEUE_DEPTH, HTTP_UP, K8S_NODES, K8S_PODS, GATEWAY_NODES);
            case QUARTERLY -> EnumSet.allOf(CheckCode.class);
            case DATABASE -> EnumSet.of(DB_UP, DB_SIZE, CONNECTIONS, REPLICATION, LONG_TRANSACTIONS, BLOAT);
            case BACKUP -> EnumSet.of(BACKUP_FRESHNESS, BACKUP_COUNT);
        };
    }
}
