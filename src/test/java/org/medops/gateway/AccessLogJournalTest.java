package org.medops.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal's lanes: one open segment per appending thread, fsync and close left to the writer. */
class AccessLogJournalTest {

    @TempDir
    Path dir;

    @Test
    void eachAppendingThreadWritesItsOwnSegment() throws Exception {
        try (AccessLogJournal journal = new AccessLogJournal(dir)) {
            AccessLogJournal.Segment mine = journal.append("a\n");
            AccessLogJournal.Segment[] theirs = new AccessLogJournal.Segment[1];
            Thread other = new Thread(() -> {
                try {
                    theirs[0] = journal.append("b\n");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            other.start();
            other.join();
            assertThat(journal.append("c\n")).isSameAs(mine);
            assertThat(theirs[0].file).isNotEqualTo(mine.file);
            assertThat(Files.readString(mine.file)).isEqualTo("a\nc\n");
            assertThat(Files.readString(theirs[0].file)).isEqualTo("b\n");
            assertThat(journal.openSegments()).containsExactlyInAnyOrder(mine, theirs[0]);
        }
    }

    @Test
    void aFullSegmentIsClosedByTheWriterNotByTheAppendingThread() throws Exception {
        try (AccessLogJournal journal = new AccessLogJournal(dir, 10)) {
            AccessLogJournal.Segment full = journal.append("0123456789\n");
            assertThat(full.closed).as("the event loop does not fsync or close").isFalse();
            AccessLogJournal.Segment next = journal.append("x\n");
            assertThat(next).isNotSameAs(full);
            assertThat(Files.readString(full.file)).isEqualTo("0123456789\n");

            journal.force(); // the writer's cycle
            assertThat(full.closed).isTrue();
            assertThat(journal.takeClosed()).containsExactly(full);
            assertThat(journal.takeClosed()).isEmpty();
        }
    }

    @Test
    void segmentsMarkedForReplayAreSwappedOutAndLeftOnDiskAtClose() throws Exception {
        AccessLogJournal.Segment dirty;
        AccessLogJournal.Segment clean;
        try (AccessLogJournal journal = new AccessLogJournal(dir)) {
            dirty = journal.append("a\n");
            dirty.dirty = true;
            journal.rotateDirty();
            assertThat(dirty.closed).isTrue();
            clean = journal.append("b\n");
            assertThat(clean).isNotSameAs(dirty);
            clean.committed.incrementAndGet(); // its one row reached the database
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.filter(f -> f.toString().endsWith(AccessLogJournal.SUFFIX)).toList())
                    .containsExactly(dirty.file);
        }
        try (AccessLogJournal again = new AccessLogJournal(dir)) {
            List<Path> recovered = again.recovered().stream().map(s -> s.file).toList();
            assertThat(recovered).containsExactly(dirty.file);
        }
    }

    @Test
    void appendingAfterCloseFailsSoTheWriterKeepsTheRecordInMemory() throws Exception {
        AccessLogJournal journal = new AccessLogJournal(dir);
        journal.append("a\n");
        journal.close();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> journal.append("b\n"))
                .isInstanceOf(java.io.IOException.class);
    }
}
