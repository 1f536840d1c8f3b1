package org.medops.records.archive;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.medops.records.ArchiveSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Asks every {@link ArchiveSource} for its documents and files each on its own, so one broken document or source is
 * logged and skipped and the rest still land. Sources are beans of other features (and adapters here for what other
 * modules publish); the scheduled collection and the handover export both come through here.
 */
@Component
class Collector {

    /** Before any contract this platform serves: "everything" for a full collection. */
    static final Instant BEGINNING = Instant.parse("2000-01-01T00:00:00Z");
    private static final Logger log = LoggerFactory.getLogger(Collector.class);

    /** How many documents ended up how; {@code failed} counts documents and sources that could not be read. */
    record Result(int created, int versioned, int unchanged, int signedKept, int failed) {
    }

    private final ObjectProvider<ArchiveSource> sources;
    private final Archive archive;
    private final Clock clock;

    Collector(ObjectProvider<ArchiveSource> sources, Archive archive, Clock clock) {
        this.sources = sources;
        this.archive = archive;
        this.clock = clock;
    }

    Result collectAll() {
        return collect(BEGINNING, clock.instant().plus(Duration.ofDays(1)));
    }

    Result collect(Instant from, Instant to) {
        Map<Archive.Filed, Integer> counts = new EnumMap<>(Archive.Filed.class);
        int failed = 0;
        for (ArchiveSource source : sources.orderedStream().toList()) {
            List<ArchiveSource.Document> listed;
            try {
                listed = source.documents(from, to);
            } catch (RuntimeException e) {
                log.warn("Archive source {} could not list its documents: {}", source.getClass().getSimpleName(),
                        e.toString());
                failed++;
                continue;
            }
            for (ArchiveSource.Document document : listed) {
                try {
                    Archive.Filed filed = archive.file(document);
                    counts.merge(filed, 1, Integer::sum);
                    if (filed == Archive.Filed.SIGNED_KEPT) {
                        log.warn("Archive kept the signed copy of {}: its source now lists different content",
                                document.sourceKey());
                    }
                } catch (RuntimeException e) {
                    log.warn("Archive skipped {}: {}", document.sourceKey(), e.toString());
                    failed++;
                }
            }
        }
        return new Result(counts.getOrDefault(Archive.Filed.NEW, 0), counts.getOrDefault(Archive.Filed.VERSION, 0),
                counts.getOrDefault(Archive.Filed.UNCHANGED, 0), counts.getOrDefault(Archive.Filed.SIGNED_KEPT, 0)
                + counts.getOrDefault(Archive.Filed.SIGNED_REFORMATTED, 0), failed);
    }
}
