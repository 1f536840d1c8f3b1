package org.medops.audit;

import static org.medops.shared.CryptoSuite.Digest.SHA_256;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class AuditRecordTest {

    private static final Instant AT = Instant.parse("2026-11-02T01:02:03.123456789Z");

    private static AuditRecord first() {
        return AuditRecord.next(1, AuditRecord.GENESIS, AT, "admin", "10.0.0.8", "user.create", "user", "nurse",
                "SUCCESS", "roles=READ_ONLY", SHA_256);
    }

    @Test
    void chainsEachRecordToThePreviousHash() {
        AuditRecord first = first();
        AuditRecord second = AuditRecord.next(2, first.hash(), AT.plusSeconds(1), "admin", null, "user.disable",
                "user", "nurse", "SUCCESS", null, SHA_256);
        assertThat(second.prevHash()).isEqualTo(first.hash());
        assertThat(first.intact()).isTrue();
        assertThat(second.intact()).isTrue();
    }

    @Test
    void keepsTimeAtMicrosecondsAsPostgresStoresIt() {
        assertThat(first().occurredAt()).isEqualTo(Instant.parse("2026-11-02T01:02:03.123456Z"));
    }

    @Test
    void detectsAnyEditedField() {
        AuditRecord original = first();
        AuditRecord edited = new AuditRecord(original.seq(), original.occurredAt(), "someone-else",
                original.clientIp(), original.action(), original.targetType(), original.targetId(),
                original.outcome(), original.details(), original.prevHash(), original.hash(), original.algorithm());
        assertThat(edited.intact()).isFalse();
    }

    @Test
    void distinguishesAMissingFieldFromAnEmptyOne() {
        AuditRecord withNull = AuditRecord.next(1, AuditRecord.GENESIS, AT, "a", null, "x", "t", "i", "SUCCESS", null, SHA_256);
        AuditRecord withEmpty = AuditRecord.next(1, AuditRecord.GENESIS, AT, "a", "", "x", "t", "i", "SUCCESS", null, SHA_256);
        assertThat(withNull.hash()).isNotEqualTo(withEmpty.hash());
    }

    @Test
    void quotesCsvAndDefusesSpreadsheetFormulas() {
        assertThat(AuditCsv.quote("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(AuditCsv.quote("王敏, 信息科")).isEqualTo("\"王敏, 信息科\"");
    }
}
