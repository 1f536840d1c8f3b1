package org.medops.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class CheckpointLogTest {

    private static final Instant AT = Instant.parse("2026-11-02T01:02:03Z");
    private final JsonMapper json = JsonMapper.builder().build();

    @TempDir
    Path dir;

    private AnchorKey key;
    private Path file;
    private CheckpointLog log;

    @BeforeEach
    void setUp() throws IOException {
        key = AnchorKey.loadOrGenerate(dir.resolve("anchor.key"));
        file = dir.resolve("checkpoints.jsonl");
        log = new CheckpointLog(file, json, key.publicKey());
    }

    private String line(long seq) {
        return json.writeValueAsString(Checkpoint.signed(seq, "hash-" + seq, AT.plusSeconds(seq), key));
    }

    private void append(String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Test
    void readsNothingWhileThereIsNoFile() {
        assertThat(log.read().valid()).isEmpty();
        assertThat(log.read().invalidSeqs()).isEmpty();
    }

    @Test
    void seesWhatWasAppendedSinceTheLastRead() throws IOException {
        append(line(1) + "\n" + line(2) + "\n");
        assertThat(log.read().valid()).containsOnlyKeys(1L, 2L);

        append(line(3) + "\n");

        assertThat(log.read().valid()).containsOnlyKeys(1L, 2L, 3L);
        assertThat(log.read().newest()).map(Checkpoint::seq).contains(3L);
    }

    @Test
    void readsAnEditedFileAgainFromTheStart() throws IOException {
        append(line(1) + "\n" + line(2) + "\n");
        assertThat(log.read().valid()).containsOnlyKeys(1L, 2L);

        String forged = line(1).replace("hash-1", "hash-X");
        Files.writeString(file, forged + "\n" + line(2) + "\n" + line(3) + "\n", StandardCharsets.UTF_8);

        ChainAnchor.Checkpoints read = log.read();
        assertThat(read.valid()).containsOnlyKeys(2L, 3L);
        assertThat(read.invalidSeqs()).containsExactly(1L);
    }

    @Test
    void countsAnUnfinishedLastLineOnceAndReadsItWhenItEnds() throws IOException {
        String third = line(3);
        append(line(1) + "\n" + third.substring(0, 20));
        assertThat(log.read().invalidSeqs()).containsExactly(-1L);
        assertThat(log.read().invalidSeqs()).containsExactly(-1L);

        append(third.substring(20) + "\n");

        assertThat(log.read().valid()).containsOnlyKeys(1L, 3L);
        assertThat(log.read().invalidSeqs()).isEmpty();
    }

    @Test
    void aTruncatedFileLosesWhatWasCut() throws IOException {
        append(line(1) + "\n" + line(2) + "\n");
        log.read();

        Files.writeString(file, line(1) + "\n", StandardCharsets.UTF_8);

        assertThat(log.read().valid()).containsOnlyKeys(1L);
    }
}
