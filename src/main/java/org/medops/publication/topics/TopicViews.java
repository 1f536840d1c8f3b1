package org.medops.publication.topics;

import java.time.Instant;
import java.util.List;
import java.util.SortedMap;

/** What the API and the pages show of records, drafts and versions. */
final class TopicViews {

    private TopicViews() {
    }

    record RecordView(String topic, String key, long version, boolean removed, SortedMap<String, String> fields,
                      boolean pendingDraft) {
        static RecordView of(PublishedRecord r, boolean pending) {
            return new RecordView(r.topic().path(), r.key(), r.version(), r.removed(), r.fields().values(), pending);
        }
    }

    record DraftView(long id, String topic, String key, String status, String author, Instant writtenAt,
                     boolean urgent, boolean removal, String note, Long rollbackOf, Long basedOnVersion,
                     SortedMap<String, String> fields, List<FieldDiff> changes, String decidedBy, Instant decidedAt,
                     String reason, Long version) {
        static DraftView of(Draft d, List<FieldDiff> changes) {
            return new DraftView(d.id(), d.topic().path(), d.key(), d.status().name(), d.author(), d.writtenAt(),
                    d.urgent(), d.removal(), d.note(), d.rollbackOf(), d.basedOnVersion(), d.fields().values(), changes,
                    d.decidedBy(), d.decidedAt(), d.decisionReason(), d.publishedVersion());
        }
    }

    record VersionView(long version, boolean removed, List<FieldDiff> changes, SortedMap<String, String> fields,
                       String author, String approvedBy, boolean urgent, Long rollbackOf, Instant publishedAt) {
        static VersionView of(PublishedVersion v) {
            return new VersionView(v.version(), v.removed(), v.changes(), v.fields().values(), v.author(),
                    v.approvedBy(), v.urgent(), v.rollbackOf(), v.publishedAt());
        }
    }

    record RecordDetail(String topic, String key, RecordView published, DraftView pending) {
    }

    record History(List<VersionView> versions, List<DraftView> drafts) {
    }

    record Approved(long version, String topic, String key, List<FieldDiff> changes, boolean urgent) {
        static Approved of(PublishedVersion v) {
            return new Approved(v.version(), v.topic().path(), v.key(), v.changes(), v.urgent());
        }
    }
}
