package org.medops.reporting.facts;

import java.time.Instant;

/** A backup check that failed in an inspection round (数据备份不合理): item 4's evidence. */
public record BackupFailure(long id, long roundId, String target, String checkCode, String value, Instant failedAt) {
}
