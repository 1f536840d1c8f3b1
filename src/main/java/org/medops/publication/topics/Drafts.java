package org.medops.publication.topics;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The drafts of topic records, open and decided. */
@Repository
class Drafts {

    private final JdbcClient jdbc;
    private final FieldsJson json;

    Drafts(JdbcClient jdbc, FieldsJson json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Draft save(Draft d) {
        MapSqlParameterSource columns = new MapSqlParameterSource()
                .addValue("fields", json.write(d.fields())).addValue("removal", d.removal())
                .addValue("urgent", d.urgent()).addValue("note", d.note()).addValue("writtenAt", ts(d.writtenAt()))
                .addValue("status", d.status().name()).addValue("decidedBy", d.decidedBy())
                .addValue("decidedAt", ts(d.decidedAt())).addValue("reason", d.decisionReason())
                .addValue("version", d.publishedVersion());
        if (d.id() == null) {
            GeneratedKeyHolder keys = new GeneratedKeyHolder();
            jdbc.sql("""
                            insert into publication_drafts(topic, record_key, fields, removal, urgent, note, rollback_of,
                                based_on_version, author, written_at, status, decided_by, decided_at, decision_reason,
                                published_version)
                            values (:topic, :key, cast(:fields as jsonb), :removal, :urgent, :note, :rollbackOf, :basedOn,
                                :author, :writtenAt, :status, :decidedBy, :decidedAt, :reason, :version)""")
                    .paramSource(columns.addValue("topic", d.topic().name()).addValue("key", d.key())
                            .addValue("rollbackOf", d.rollbackOf()).addValue("basedOn", d.basedOnVersion())
                            .addValue("author", d.author()))
                    .update(keys, "id");
            return find(keys.getKey().longValue()).orElseThrow();
        }
        jdbc.sql("""
                        update publication_drafts set fields = cast(:fields as jsonb), removal = :removal, urgent = :urgent,
                            note = :note, written_at = :writtenAt, status = :status, decided_by = :decidedBy,
                            decided_at = :decidedAt, decision_reason = :reason, published_version = :version
                        where id = :id""")
                .paramSource(columns.addValue("id", d.id())).update();
        return find(d.id()).orElseThrow();
    }

    Optional<Draft> find(long id) {
        return jdbc.sql("select * from publication_drafts where id = :id").param("id", id).query(this::map).optional();
    }

    Optional<Draft> pendingForUpdate(Topic topic, String key) {
        return jdbc.sql("""
                        select * from publication_drafts where topic = :topic and record_key = :key and status = 'PENDING'
                        for update""")
                .param("topic", topic.name()).param("key", key).query(this::map).optional();
    }

    Optional<Draft> pending(Topic topic, String key) {
        return jdbc.sql("select * from publication_drafts where topic = :topic and record_key = :key and status = 'PENDING'")
                .param("topic", topic.name()).param("key", key).query(this::map).optional();
    }

    List<Draft> ofRecord(Topic topic, String key) {
        return jdbc.sql("select * from publication_drafts where topic = :topic and record_key = :key order by id desc")
                .param("topic", topic.name()).param("key", key).query(this::map).list();
    }

    /** The open drafts, oldest first; {@code topic} null for all topics. */
    List<Draft> pending(Topic topic, long offset, int limit) {
        return jdbc.sql("""
                        select * from publication_drafts where status = 'PENDING'
                          and (cast(:topic as varchar) is null or topic = :topic)
                        order by written_at, id offset :offset limit :limit""")
                .param("topic", topic == null ? null : topic.name()).param("offset", offset).param("limit", limit)
                .query(this::map).list();
    }

    long countPending(Topic topic) {
        return jdbc.sql("""
                        select count(*) from publication_drafts where status = 'PENDING'
                          and (cast(:topic as varchar) is null or topic = :topic)""")
                .param("topic", topic == null ? null : topic.name()).query(Long.class).single();
    }

    /** Keys with an open draft whose record was never published: they exist for references. */
    boolean pendingExists(Topic topic, String key) {
        return jdbc.sql("""
                        select exists (select 1 from publication_drafts where topic = :topic and record_key = :key
                            and status = 'PENDING' and not removal)""")
                .param("topic", topic.name()).param("key", key).query(Boolean.class).single();
    }

    private Draft map(ResultSet rs, int row) throws SQLException {
        long basedOn = rs.getLong("based_on_version");
        Long based = rs.wasNull() ? null : basedOn;
        long rollback = rs.getLong("rollback_of");
        Long rollbackOf = rs.wasNull() ? null : rollback;
        long version = rs.getLong("published_version");
        Long published = rs.wasNull() ? null : version;
        return new Draft(rs.getLong("id"), Topic.valueOf(rs.getString("topic")), rs.getString("record_key"),
                json.read(rs.getString("fields")), rs.getBoolean("removal"), rs.getBoolean("urgent"),
                rs.getString("note"), rollbackOf, based, rs.getString("author"), instant(rs, "written_at"),
                Draft.Status.valueOf(rs.getString("status")), rs.getString("decided_by"), instant(rs, "decided_at"),
                rs.getString("decision_reason"), published);
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
