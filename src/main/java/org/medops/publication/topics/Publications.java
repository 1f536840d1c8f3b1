package org.medops.publication.topics;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The published state: the version counter, each record's current state and every version it went through. */
@Repository
class Publications {

    private final JdbcClient jdbc;
    private final FieldsJson json;

    Publications(JdbcClient jdbc, FieldsJson json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The next version; the counter's row stays locked until the caller commits, so versions commit in order. */
    long nextVersion() {
        return jdbc.sql("update publication_head set version = version + 1 where id = 1 returning version")
                .query(Long.class).single();
    }

    /** The newest version of the topic at or below {@code upTo}; 0 when it has none. */
    long topicHead(Topic topic, long upTo) {
        return jdbc.sql("select coalesce(max(version), 0) from publication_records where topic = :topic and version <= :upTo")
                .param("topic", topic.name()).param("upTo", upTo).query(Long.class).single();
    }

    long head() {
        return jdbc.sql("select version from publication_head where id = 1").query(Long.class).single();
    }

    void publish(PublishedVersion v) {
        jdbc.sql("""
                        insert into publication_versions(version, topic, record_key, fields, removed, changes, draft_id,
                            author, approved_by, urgent, rollback_of, published_at)
                        values (:version, :topic, :key, cast(:fields as jsonb), :removed, cast(:changes as jsonb), :draft,
                            :author, :approvedBy, :urgent, :rollbackOf, :at)""")
                .param("version", v.version()).param("topic", v.topic().name()).param("key", v.key())
                .param("fields", json.write(v.fields())).param("removed", v.removed())
                .param("changes", json.writeDiffs(v.changes())).param("draft", v.draftId()).param("author", v.author())
                .param("approvedBy", v.approvedBy()).param("urgent", v.urgent()).param("rollbackOf", v.rollbackOf())
                .param("at", Drafts.ts(v.publishedAt())).update();
        jdbc.sql("""
                        insert into publication_records(topic, record_key, fields, version, removed)
                        values (:topic, :key, cast(:fields as jsonb), :version, :removed)
                        on conflict (topic, record_key) do update set fields = excluded.fields, version = excluded.version,
                            removed = excluded.removed""")
                .param("topic", v.topic().name()).param("key", v.key()).param("fields", json.write(v.fields()))
                .param("version", v.version()).param("removed", v.removed()).update();
    }

    Optional<PublishedRecord> find(Topic topic, String key) {
        return jdbc.sql("select * from publication_records where topic = :topic and record_key = :key")
                .param("topic", topic.name()).param("key", key).query(this::record).optional();
    }

    /** Records changed after {@code since} up to {@code upTo}, in version order, at most {@code limit}. */
    List<PublishedRecord> changed(Topic topic, long since, long upTo, int limit) {
        return jdbc.sql("""
                        select * from publication_records where topic = :topic and version > :since and version <= :upTo
                        order by version limit :limit""")
                .param("topic", topic.name()).param("since", since).param("upTo", upTo).param("limit", limit)
                .query(this::record).list();
    }

    /** The topic's live records (not removed) whose title or key contains {@code text}; null for all. */
    List<PublishedRecord> live(Topic topic, String text, boolean ascending, long offset, int limit) {
        return jdbc.sql("""
                        select * from publication_records where topic = :topic and not removed
                          and (cast(:text as varchar) is null or record_key ilike :like or fields ->> :title ilike :like)
                        order by record_key """ + (ascending ? " asc" : " desc") + " offset :offset limit :limit")
                .param("topic", topic.name()).param("text", text).param("like", "%" + like(text) + "%")
                .param("title", topic.titleField()).param("offset", offset).param("limit", limit)
                .query(this::record).list();
    }

    long countLive(Topic topic, String text) {
        return jdbc.sql("""
                        select count(*) from publication_records where topic = :topic and not removed
                          and (cast(:text as varchar) is null or record_key ilike :like or fields ->> :title ilike :like)""")
                .param("topic", topic.name()).param("text", text).param("like", "%" + like(text) + "%")
                .param("title", topic.titleField()).query(Long.class).single();
    }

    List<PublishedVersion> history(Topic topic, String key) {
        return jdbc.sql("select * from publication_versions where topic = :topic and record_key = :key order by version desc")
                .param("topic", topic.name()).param("key", key).query(this::versionRow).list();
    }

    Optional<PublishedVersion> version(long version) {
        return jdbc.sql("select * from publication_versions where version = :version").param("version", version)
                .query(this::versionRow).optional();
    }

    private static String like(String text) {
        return text == null ? "" : text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private PublishedRecord record(ResultSet rs, int row) throws SQLException {
        return new PublishedRecord(Topic.valueOf(rs.getString("topic")), rs.getString("record_key"),
                json.read(rs.getString("fields")), rs.getLong("version"), rs.getBoolean("removed"));
    }

    private PublishedVersion versionRow(ResultSet rs, int row) throws SQLException {
        long rollback = rs.getLong("rollback_of");
        Long rollbackOf = rs.wasNull() ? null : rollback;
        return new PublishedVersion(rs.getLong("version"), Topic.valueOf(rs.getString("topic")),
                rs.getString("record_key"), json.read(rs.getString("fields")), rs.getBoolean("removed"),
                json.readDiffs(rs.getString("changes")), rs.getLong("draft_id"), rs.getString("author"),
                rs.getString("approved_by"), rs.getBoolean("urgent"), rollbackOf, Drafts.instant(rs, "published_at"));
    }
}
