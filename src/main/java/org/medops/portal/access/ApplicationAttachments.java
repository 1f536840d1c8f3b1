package org.medops.portal.access;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.medops.shared.UploadedFileType;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Files attached to access applications, kept in the database with the application they belong to. */
@Repository
class ApplicationAttachments {

    static final int MAX_PER_APPLICATION = 5;

    /** What a list shows of an attachment: everything but its bytes. */
    record Attachment(long id, long applicationId, String filename, String contentType, int sizeBytes,
                      Instant uploadedAt, String uploadedBy) {
    }

    record Content(String filename, String contentType, byte[] bytes) {

        /** Always a download, never rendered inline: an uploaded file must not run in the console's origin. */
        ResponseEntity<byte[]> asDownload() {
            return ResponseEntity.ok()
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename(filename, StandardCharsets.UTF_8).build().toString())
                    .header("X-Content-Type-Options", "nosniff")
                    .contentType(MediaType.parseMediaType(contentType)).body(bytes);
        }
    }

    private final JdbcClient jdbc;

    ApplicationAttachments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long add(long applicationId, String filename, UploadedFileType type, byte[] content, String by, Instant at) {
        return jdbc.sql("""
                        insert into access_application_attachments(application_id, filename, content_type, size_bytes,
                            content, uploaded_at, uploaded_by)
                        values (:application, :filename, :contentType, :size, :content, :at, :by) returning id""")
                .param("application", applicationId)
                .param("filename", filename)
                .param("contentType", type.contentType())
                .param("size", content.length)
                .param("content", content)
                .param("at", Timestamp.from(at))
                .param("by", by)
                .query(Long.class).single();
    }

    int count(long applicationId) {
        return jdbc.sql("select count(*) from access_application_attachments where application_id = :application")
                .param("application", applicationId).query(Integer.class).single();
    }

    List<Attachment> of(long applicationId) {
        return jdbc.sql("""
                        select id, application_id, filename, content_type, size_bytes, uploaded_at, uploaded_by
                        from access_application_attachments where application_id = :application order by id""")
                .param("application", applicationId).query(Attachment.class).list();
    }

    /** The attachments of many applications at once, by application id, for a list page. */
    Map<Long, List<Attachment>> of(Collection<Long> applicationIds) {
        if (applicationIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("""
                        select id, application_id, filename, content_type, size_bytes, uploaded_at, uploaded_by
                        from access_application_attachments where application_id in (:ids) order by id""")
                .param("ids", applicationIds).query(Attachment.class).list().stream()
                .collect(Collectors.groupingBy(Attachment::applicationId));
    }

    Optional<Content> content(long applicationId, long id) {
        return jdbc.sql("""
                        select filename, content_type, content from access_application_attachments
                        where application_id = :application and id = :id""")
                .param("application", applicationId)
                .param("id", id)
                .query((rs, n) -> new Content(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional();
    }
}
