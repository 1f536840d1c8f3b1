package org.medops.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Anchors the audit chain outside the database: now and then it signs the chain head (seq, hash, time)
 * with a key the database never holds and appends it to a JSON-lines file (and, if configured, a
 * webhook). Someone who rewrites a record and recomputes every later hash and the head still cannot make
 * the chain agree with these checkpoints. A checkpoint is written only when the chain since the previous
 * one is intact, so a rewritten chain never gets anchored after the fact.
 */
@Component
class ChainAnchor {

    private static final Logger log = LoggerFactory.getLogger(ChainAnchor.class);

    private final AuditTrail trail;
    private final AnchorKey key;
    private final Path file;
    private final java.net.URI webhook;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final CheckpointLog checkpoints;
    private Checkpoint last;

    ChainAnchor(AuditTrail trail, AnchorSettings settings, @Value("${medops.db.data-dir:./data}") Path dataDir,
                Clock clock) throws IOException {
        this.trail = trail;
        this.clock = clock;
        Path audit = dataDir.resolve("audit");
        this.file = settings.file() != null ? settings.file() : audit.resolve("checkpoints.jsonl");
        this.key = settings.privateKey() != null && !settings.privateKey().isBlank()
                ? AnchorKey.of(settings.privateKey(), settings.publicKey())
                : AnchorKey.loadOrGenerate(settings.keyFile() != null ? settings.keyFile() : audit.resolve("anchor.key"));
        this.webhook = settings.webhook();
        Files.createDirectories(file.toAbsolutePath().getParent());
        this.checkpoints = new CheckpointLog(file, json, key.publicKey());
        this.last = read().newest().orElse(null);
    }

    @Scheduled(fixedDelayString = "${medops.audit.anchor.interval:60s}",
            initialDelayString = "${medops.audit.anchor.interval:60s}")
    void scheduled() {
        try {
            checkpoint();
        } catch (RuntimeException e) {
            log.warn("Audit chain checkpoint failed: {}", e.toString());
        }
    }

    /**
     * Signs and writes the current head unless it is the one anchored last. Empty when the chain since
     * the last checkpoint does not hold: then nothing is anchored and an error is logged.
     */
    synchronized Optional<Checkpoint> checkpoint() {
        AuditTrail.ChainHead head = trail.head();
        if (head.seq() == 0 || last != null && last.seq() == head.seq() && last.hash().equals(head.hash())) {
            return Optional.ofNullable(last);
        }
        long fromSeq = last == null ? 0 : last.seq();
        String fromHash = last == null ? AuditRecord.GENESIS : last.hash();
        if (!trail.continues(fromSeq, fromHash, head)) {
            log.error("Audit chain does not continue from checkpoint {} to head {}: not anchoring it; run verify",
                    fromSeq, head.seq());
            return Optional.empty();
        }
        Checkpoint checkpoint = Checkpoint.signed(head.seq(), head.hash(), clock.instant(), key);
        String line = json.writeValueAsString(checkpoint);
        append(line);
        last = checkpoint;
        notifyWebhook(line);
        return Optional.of(checkpoint);
    }

    /** Every checkpoint in the file, valid ones by seq; lines that fail their signature are listed apart. */
    Checkpoints read() {
        return checkpoints.read();
    }

    AnchorKey key() {
        return key;
    }

    Path file() {
        return file;
    }

    /** One line, appended and forced to disk before the checkpoint counts as written. */
    private void append(String line) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8)));
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the audit checkpoints in " + file, e);
        }
    }

    private void notifyWebhook(String line) {
        if (webhook == null) {
            return;
        }
        HttpRequest request = HttpRequest.newBuilder(webhook).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(line)).build();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            if (error != null || response.statusCode() >= 300) {
                log.warn("Audit checkpoint webhook {} failed: {}", webhook,
                        error != null ? error.toString() : "HTTP " + response.statusCode());
            }
        });
    }

    /** @param invalidSeqs checkpoints whose signature does not hold (-1 for a line that is not a checkpoint) */
    record Checkpoints(TreeMap<Long, Checkpoint> valid, List<Long> invalidSeqs) {
        Optional<Checkpoint> newest() {
            return valid.isEmpty() ? Optional.empty() : Optional.of(valid.lastEntry().getValue());
        }
    }
}
