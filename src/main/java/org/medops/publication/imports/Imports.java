package org.medops.publication.imports;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.medops.publication.topics.Topic;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Uploaded workbooks, kept from preview to confirmation. */
@Repository
class Imports {

    record Upload(long id, Topic topic, String filename, byte[] content, String uploadedBy, String status) {
    }

    private final JdbcClient jdbc;

    Imports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long save(Topic topic, String filename, byte[] content, String by, Instant at) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into publication_imports(topic, filename, content, uploaded_by, uploaded_at, status)
                        values (:topic, :filename, :content, :by, :at, 'PREVIEWED')""")
                .param("topic", topic.name()).param("filename", filename).param("content", content).param("by", by)
                .param("at", Timestamp.from(at)).update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<Upload> findForUpdate(long id) {
        return jdbc.sql("select * from publication_imports where id = :id for update").param("id", id)
                .query((rs, row) -> new Upload(rs.getLong("id"), Topic.valueOf(rs.getString("topic")),
                        rs.getString("filename"), rs.getBytes("content"), rs.getString("uploaded_by"),
                        rs.getString("status"))).optional();
    }

    void confirmed(long id, int drafts) {
        jdbc.sql("update publication_imports set status = 'CONFIRMED', drafts = :drafts where id = :id")
                .param("id", id).param("drafts", drafts).update();
    }
}
