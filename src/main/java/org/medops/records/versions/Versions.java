package org.medops.records.versions;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.medops.shared.FilterText;
import org.medops.shared.ListRequest;
import org.medops.shared.ListSource;
import org.medops.shared.SortColumns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The version register and the versions' documents. */
@Repository
class Versions implements ListSource<Versions.Filter, Versions.VersionRow> {

    /** One line of the register list: a version with its system's name and how many documents it has. */
    record VersionRow(long id, String systemCode, String systemName, String version, LocalDate installedOn,
                      String installedBy, Long changeId, Long upgradeId, int documents) {
    }

    record Filter(String system, String text) {
    }

    static final SortColumns SORT = SortColumns.of("installedOn", false, "v.id",
            "system", "coalesce(y.name, v.system_code)",
            "version", "v.version",
            "installedOn", "v.installed_on",
            "installedBy", "v.installed_by");

    private static final String SELECT = """
            select id, system_code, version, installed_on, installed_by, release_notes, change_id, upgrade_id,
                recorded_by, recorded_at from records_versions""";

    private static final String FROM = """
            from records_versions v left join opsdesk_systems y on y.code = v.system_code
            where (cast(:system as varchar) is null or v.system_code = :system)
              and (cast(:like as varchar) is null or v.version ilike :like or v.release_notes ilike :like)
            """;

    private final JdbcClient jdbc;

    Versions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(NewVersion v, Long upgradeId, String recordedBy, Instant at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into records_versions(system_code, version, installed_on, installed_by, release_notes,
                            change_id, upgrade_id, recorded_by, recorded_at)
                        values (:system, :version, :installedOn, :installedBy, :notes, :changeId, :upgradeId, :by, :at)""")
                .param("system", v.systemCode()).param("version", v.version().strip())
                .param("installedOn", v.installedOn()).param("installedBy", v.installedBy().strip())
                .param("notes", v.releaseNotes() == null || v.releaseNotes().isBlank() ? null : v.releaseNotes().strip())
                .param("changeId", v.changeId()).param("upgradeId", upgradeId).param("by", recordedBy)
                .param("at", Timestamp.from(at)).update(key, "id");
        return key.getKeyAs(Long.class);
    }

    Optional<InstalledVersion> find(long id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query(InstalledVersion.class).optional();
    }

    boolean exists(String systemCode, String version) {
        return jdbc.sql("select exists(select 1 from records_versions where system_code = :s and version = :v)")
                .param("s", systemCode).param("v", version.strip()).query(Boolean.class).single();
    }

    /** The system's versions, the one in use (latest installed) first. */
    List<InstalledVersion> history(String systemCode) {
        return jdbc.sql(SELECT + " where system_code = :s order by installed_on desc, id desc").param("s", systemCode)
                .query(InstalledVersion.class).list();
    }

    /** Versions installed on the days {@code first … last}, inclusive, in the order they were installed. */
    List<InstalledVersion> installedBetween(LocalDate first, LocalDate last) {
        return jdbc.sql(SELECT + " where installed_on between :first and :last order by installed_on, id")
                .param("first", first).param("last", last).query(InstalledVersion.class).list();
    }

    /** The version each system runs: its latest installed. */
    List<InstalledVersion> current() {
        return jdbc.sql("""
                select distinct on (system_code) id, system_code, version, installed_on, installed_by, release_notes,
                    change_id, upgrade_id, recorded_by, recorded_at
                from records_versions order by system_code, installed_on desc, id desc""")
                .query(InstalledVersion.class).list();
    }

    long addDocument(long versionId, VersionDocumentKind kind, String fileName, String contentType, byte[] content,
                     String sha256, String by, Instant at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into records_version_documents(version_id, kind, file_name, content_type, content,
                            size_bytes, sha256, uploaded_by, uploaded_at)
                        values (:version, :kind, :name, :type, :content, :size, :sha, :by, :at)""")
                .param("version", versionId).param("kind", kind.name()).param("name", fileName)
                .param("type", contentType).param("content", content).param("size", (long) content.length)
                .param("sha", sha256).param("by", by).param("at", Timestamp.from(at)).update(key, "id");
        return key.getKeyAs(Long.class);
    }

    private static final String DOCUMENT = """
            select id, version_id, kind, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at
            from records_version_documents""";

    List<VersionDocument> documents(long versionId) {
        return jdbc.sql(DOCUMENT + " where version_id = :v order by uploaded_at, id").param("v", versionId)
                .query(VersionDocument.class).list();
    }

    List<VersionDocument> documentsOfSystem(String systemCode) {
        return jdbc.sql(DOCUMENT + " where version_id in (select id from records_versions where system_code = :s)"
                + " order by uploaded_at, id").param("s", systemCode).query(VersionDocument.class).list();
    }

    Optional<VersionDocument> document(long id) {
        return jdbc.sql(DOCUMENT + " where id = :id").param("id", id).query(VersionDocument.class).optional();
    }

    byte[] content(long documentId) {
        return jdbc.sql("select content from records_version_documents where id = :id").param("id", documentId)
                .query(byte[].class).single();
    }

    /** Documents uploaded in {@code [from, to)}, for the archive. */
    List<VersionDocument> documentsUploaded(Instant from, Instant to) {
        return jdbc.sql(DOCUMENT + " where uploaded_at >= :from and uploaded_at < :to order by uploaded_at, id")
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).query(VersionDocument.class).list();
    }

    boolean isEmpty() {
        return !jdbc.sql("select exists(select 1 from records_versions)").query(Boolean.class).single();
    }

    @Override
    public List<VersionRow> rows(Filter filter, ListRequest.Sort sort, long offset, int limit) {
        return bind(jdbc.sql("""
                        select v.id, v.system_code, coalesce(y.name, v.system_code) as system_name, v.version,
                            v.installed_on, v.installed_by, v.change_id, v.upgrade_id,
                            (select count(*) from records_version_documents d where d.version_id = v.id) as documents
                        """ + FROM + " order by " + SORT.orderBy(sort) + " offset :offset limit :limit"), filter)
                .param("offset", offset).param("limit", limit).query(VersionRow.class).list();
    }

    @Override
    public long count(Filter filter) {
        return bind(jdbc.sql("select count(*) " + FROM), filter).query(Long.class).single();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, Filter f) {
        return sql.param("system", FilterText.orNull(f.system())).param("like", FilterText.containing(f.text()));
    }
}
