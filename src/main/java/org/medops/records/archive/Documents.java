package org.medops.records.archive;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.medops.shared.ListRequest;
import org.medops.shared.ListSource;
import org.medops.shared.SortColumns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The archive's documents and their versions; the search list; the rows and bytes of a handover package. */
@Repository
class Documents implements ListSource<Documents.Filter, Documents.Row> {

    static final SortColumns SORT = SortColumns.of("datedOn", false, "d.id", "datedOn", "d.dated_on", "type", "d.type",
            "system", "d.system_code", "title", "d.title", "signedAt", "d.signed_at");

    /** Every part optional; {@code from} and {@code to} bound the document's date, both inclusive. */
    record Filter(String type, String system, LocalDate from, LocalDate to, String text) {
    }

    /** A document in the list (and in a handover index) with its current version's file. */
    record Row(long id, String type, String system, String title, LocalDate datedOn, int version, String label,
               String fileName, String contentType, long sizeBytes, String sha256, String author, String addedBy,
               String signedBy, Instant signedAt, String sourceKey) {
    }

    private static final String FROM = """
            from records_documents d join records_document_versions v on v.document_id = d.id and v.version = d.version
            where (cast(:type as varchar) is null or d.type = :type)
              and (cast(:system as varchar) is null or d.system_code = :system)
              and (cast(:from as date) is null or d.dated_on >= :from)
              and (cast(:to as date) is null or d.dated_on <= :to)
              and (cast(:text as varchar) is null or d.title ilike '%' || :text || '%' or v.file_name ilike '%' || :text || '%')""";

    private final JdbcClient jdbc;

    Documents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Row> rows(Filter filter, ListRequest.Sort sort, long offset, int limit) {
        return bind(jdbc.sql("""
                select d.id, d.type, d.system_code, d.title, d.dated_on, d.version, v.label, v.file_name, v.content_type,
                    v.size_bytes, v.sha256, v.author, v.added_by, d.signed_by, d.signed_at, d.source_key
                """ + FROM + " order by " + SORT.orderBy(sort) + " limit :limit offset :offset"), filter)
                .param("limit", limit).param("offset", offset).query(this::row).list();
    }

    @Override
    public long count(Filter filter) {
        return bind(jdbc.sql("select count(*) " + FROM), filter).query(Long.class).single();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Filter f) {
        return spec.param("type", f.type()).param("system", f.system()).param("from", f.from()).param("to", f.to())
                .param("text", f.text());
    }

    private Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), rs.getString("type"), rs.getString("system_code"), rs.getString("title"),
                rs.getDate("dated_on").toLocalDate(), rs.getInt("version"), rs.getString("label"),
                rs.getString("file_name"), rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
                rs.getString("author"), rs.getString("added_by"), rs.getString("signed_by"), instant(rs, "signed_at"),
                rs.getString("source_key"));
    }

    long insert(ArchivedDocument d) {
        return jdbc.sql("""
                        insert into records_documents(source_key, type, system_code, title, dated_on, version, signed_by,
                            signed_at, created_at, created_by, updated_at)
                        values (:key, :type, :system, :title, :datedOn, :version, :signedBy, :signedAt, :createdAt,
                            :createdBy, :updatedAt) returning id""")
                .param("key", d.sourceKey()).param("type", d.type()).param("system", d.system())
                .param("title", d.title()).param("datedOn", d.datedOn()).param("version", d.version())
                .param("signedBy", d.signedBy()).param("signedAt", timestamp(d.signedAt()))
                .param("createdAt", timestamp(d.createdAt())).param("createdBy", d.createdBy())
                .param("updatedAt", timestamp(d.updatedAt())).query(Long.class).single();
    }

    void update(ArchivedDocument d) {
        jdbc.sql("""
                        update records_documents set type = :type, system_code = :system, title = :title,
                            dated_on = :datedOn, version = :version, signed_by = :signedBy, signed_at = :signedAt,
                            updated_at = :updatedAt
                        where id = :id""")
                .param("type", d.type()).param("system", d.system()).param("title", d.title())
                .param("datedOn", d.datedOn()).param("version", d.version()).param("signedBy", d.signedBy())
                .param("signedAt", timestamp(d.signedAt())).param("updatedAt", timestamp(d.updatedAt()))
                .param("id", d.id()).update();
    }

    void addVersion(DocumentVersion v, byte[] content) {
        jdbc.sql("""
                        insert into records_document_versions(document_id, version, label, author, file_name, content_type,
                            size_bytes, sha256, content, added_at, added_by)
                        values (:id, :version, :label, :author, :file, :type, :size, :sha, :content, :at, :by)""")
                .param("id", v.documentId()).param("version", v.version()).param("label", v.label())
                .param("author", v.author()).param("file", v.fileName()).param("type", v.contentType())
                .param("size", v.sizeBytes()).param("sha", v.sha256()).param("content", content)
                .param("at", timestamp(v.addedAt())).param("by", v.addedBy()).update();
    }

    Optional<ArchivedDocument> find(long id) {
        return jdbc.sql("select * from records_documents where id = :id").param("id", id).query(this::document)
                .optional();
    }

    Optional<ArchivedDocument> lock(long id) {
        return jdbc.sql("select * from records_documents where id = :id for update").param("id", id)
                .query(this::document).optional();
    }

    Optional<ArchivedDocument> lockBySource(String key) {
        return jdbc.sql("select * from records_documents where source_key = :key for update").param("key", key)
                .query(this::document).optional();
    }

    List<DocumentVersion> versions(long id) {
        return jdbc.sql("""
                        select document_id, version, label, author, file_name, content_type, size_bytes, sha256, added_at,
                            added_by from records_document_versions where document_id = :id order by version desc""")
                .param("id", id).query((rs, n) -> new DocumentVersion(rs.getLong("document_id"), rs.getInt("version"),
                        rs.getString("label"), rs.getString("author"), rs.getString("file_name"),
                        rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
                        rs.getTimestamp("added_at").toInstant(), rs.getString("added_by"))).list();
    }

    Optional<DocumentVersion> version(long id, int version) {
        return versions(id).stream().filter(v -> v.version() == version).findFirst();
    }

    /** One version's bytes, read on their own so a handover holds one file in memory at a time. */
    Optional<byte[]> content(long id, int version) {
        return jdbc.sql("select content from records_document_versions where document_id = :id and version = :version")
                .param("id", id).param("version", version).query((rs, n) -> rs.getBytes(1)).optional();
    }

    /** The current version's checksum: whether a collected document changed. */
    Optional<String> currentSha256(long id) {
        return jdbc.sql("""
                        select v.sha256 from records_documents d join records_document_versions v
                            on v.document_id = d.id and v.version = d.version where d.id = :id""")
                .param("id", id).query(String.class).optional();
    }

    private ArchivedDocument document(ResultSet rs, int n) throws SQLException {
        return new ArchivedDocument(rs.getLong("id"), rs.getString("source_key"), rs.getString("type"),
                rs.getString("system_code"), rs.getString("title"), rs.getDate("dated_on").toLocalDate(),
                rs.getInt("version"), rs.getString("signed_by"), instant(rs, "signed_at"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
