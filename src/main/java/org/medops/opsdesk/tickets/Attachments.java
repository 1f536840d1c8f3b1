package org.medops.opsdesk.tickets;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.medops.shared.UploadedFileType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Screenshots and logs attached to tickets, kept in the database with the ticket they belong to. */
@Repository
class Attachments {

    static final int MAX_PER_TICKET = 10;

    record Content(String filename, String contentType, byte[] bytes) {
    }

    /** The ticket's own people: who reported it (the account that opened it) and who works it. */
    record Parties(String reporter, String assignee) {

        boolean include(String username) {
            return username.equals(reporter) || username.equals(assignee);
        }
    }

    private final JdbcClient jdbc;

    Attachments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long add(long ticketId, String filename, UploadedFileType type, byte[] content, String by, Instant at) {
        return jdbc.sql("""
                        insert into ticket_attachments(ticket_id, filename, content_type, size_bytes, content, uploaded_at, uploaded_by)
                        values (:ticketId, :filename, :contentType, :sizeBytes, :content, :at, :by) returning id""")
                .param("ticketId", ticketId).param("filename", filename).param("contentType", type.contentType())
                .param("sizeBytes", content.length).param("content", content).param("at", Timestamp.from(at))
                .param("by", by)
                .query(Long.class).single();
    }

    int count(long ticketId) {
        return jdbc.sql("select count(*) from ticket_attachments where ticket_id = :ticketId")
                .param("ticketId", ticketId)
                .query(Integer.class).single();
    }

    List<TicketView.AttachmentInfo> of(long ticketId) {
        return jdbc.sql("""
                        select id, filename, content_type, size_bytes, uploaded_at, uploaded_by from ticket_attachments
                        where ticket_id = :ticketId order by id""").param("ticketId", ticketId).query(TicketView.AttachmentInfo.class).list();
    }

    Optional<Content> content(long ticketId, long id) {
        return jdbc.sql("""
                        select filename, content_type, content from ticket_attachments
                        where ticket_id = :ticketId and id = :id""")
                .param("ticketId", ticketId).param("id", id).query((rs, n) -> new Content(rs.getString(1), rs.getString(2), rs.getBytes(3)))
                .optional();
    }

    Optional<Parties> parties(long ticketId) {
        return jdbc.sql("select created_by, assignee from tickets where id = :id").param("id", ticketId)
                .query((rs, n) -> new Parties(rs.getString(1), rs.getString(2))).optional();
    }
}
