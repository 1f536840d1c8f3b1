package org.medops.signature;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The signed PDFs MedOps produced, one per document. */
@Repository
class SignedDocumentStore {

    private static final String COLUMNS = """
            id, document_type, document_ref, signer, signer_name, certificate_serial, signed_at, octet_length(pdf) as size""";

    private final JdbcClient jdbc;

    SignedDocumentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String type, String ref, Signer signer, SignedPdf signed) {
        return jdbc.sql("""
                        insert into signature_documents(document_type, document_ref, signer, signer_name,
                            certificate_serial, signed_at, pdf)
                        values (:type, :ref, :signer, :name, :serial, :at, :pdf) returning id""")
                .param("type", type).param("ref", ref).param("signer", signer.username()).param("name", signer.name())
                .param("serial", signed.certificateSerial()).param("at", Timestamp.from(signed.signedAt()))
                .param("pdf", signed.pdf()).query(Long.class).single();
    }

    Optional<SignedDocument> find(String type, String ref) {
        return jdbc.sql("select " + COLUMNS + " from signature_documents where document_type = :type and document_ref = :ref")
                .param("type", type).param("ref", ref).query(SignedDocumentStore::row).optional();
    }

    Optional<SignedDocument> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from signature_documents where id = :id").param("id", id)
                .query(SignedDocumentStore::row).optional();
    }

    Optional<byte[]> pdf(long id) {
        return jdbc.sql("select pdf from signature_documents where id = :id").param("id", id).query(byte[].class)
                .optional();
    }

    List<SignedDocument> recent(int limit) {
        return jdbc.sql("select " + COLUMNS + " from signature_documents order by signed_at desc, id desc limit :limit")
                .param("limit", limit).query(SignedDocumentStore::row).list();
    }

    private static SignedDocument row(ResultSet rs, int n) throws SQLException {
        return new SignedDocument(rs.getLong("id"), rs.getString("document_type"), rs.getString("document_ref"),
                rs.getString("signer"), rs.getString("signer_name"), rs.getString("certificate_serial"),
                rs.getTimestamp("signed_at").toInstant(), rs.getInt("size"));
    }
}
