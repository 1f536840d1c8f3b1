package org.medops.records.archive;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.medops.records.ArchiveSource;
import org.springframework.stereotype.Component;

/** A feature's documents as the tests choose them: what the archive collects through the SPI. */
@Component
class TestArchiveSource implements ArchiveSource {

    private final List<Document> documents = new CopyOnWriteArrayList<>();

    void put(Document document) {
        documents.removeIf(d -> d.sourceKey().equals(document.sourceKey()));
        documents.add(document);
    }

    @Override
    public List<Document> documents(Instant from, Instant to) {
        return documents.stream().filter(d -> !d.at().isBefore(from) && d.at().isBefore(to)).toList();
    }
}
