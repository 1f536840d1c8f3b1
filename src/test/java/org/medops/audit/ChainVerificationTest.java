package org.medops.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChainVerificationTest {

    @Nested
    class Ranges {
        @Test
        void mergesAdjacentRangesOfOneProblemAndKeepsOthersApart() {
            ChainVerification.Ranges ranges = new ChainVerification.Ranges();
            ranges.add(5, 5, "content-altered");
            ranges.add(6, 6, "content-altered");
            ranges.add(9, 9, "content-altered");
            ranges.add(2, 3, "record-missing");
            ChainVerification result = ChainVerification.of(10, ranges, 0, null, new ChainVerification.Algorithms());
            assertThat(result.intact()).isFalse();
            assertThat(result.broken()).containsExactly(
                    new ChainVerification.BrokenRange(2, 3, "record-missing"),
                    new ChainVerification.BrokenRange(5, 6, "content-altered"),
                    new ChainVerification.BrokenRange(9, 9, "content-altered"));
            assertThat(result.firstBrokenSeq()).isEqualTo(2);
            assertThat(result.problem()).isEqualTo("record-missing");
        }
    }

    @Nested
    class Checkpoints {
        @Test
        void holdOnlyUnderTheKeyThatSignedThemAndOnlyForWhatTheySaid(@TempDir Path dir) throws Exception {
            AnchorKey key = AnchorKey.loadOrGenerate(dir.resolve("anchor.key"));
            Checkpoint checkpoint = Checkpoint.signed(42, "a".repeat(64), Instant.parse("2026-12-01T00:00:00Z"), key);
            assertThat(checkpoint.validUnder(key.publicKey())).isTrue();
            Checkpoint moved = new Checkpoint(1, 43, checkpoint.hash(), checkpoint.at(), checkpoint.key(), checkpoint.sig());
            assertThat(moved.validUnder(key.publicKey())).isFalse();
            AnchorKey other = AnchorKey.loadOrGenerate(dir.resolve("other.key"));
            assertThat(checkpoint.validUnder(other.publicKey())).isFalse();
            assertThat(AnchorKey.loadOrGenerate(dir.resolve("anchor.key")).id()).isEqualTo(key.id());
            assertThat(java.nio.file.Files.getPosixFilePermissions(dir.resolve("anchor.key"))).containsExactlyInAnyOrder(
                    java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                    java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        }
    }
}
