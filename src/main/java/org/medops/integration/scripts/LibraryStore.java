package org.medops.integration.scripts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The code libraries and their versions. */
@Repository
class LibraryStore {

    private static final String SELECT = "select code, source, version, updated_at, updated_by from integration_libraries";

    private final JdbcClient jdbc;

    LibraryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StoredLibrary> find(String code) {
        return jdbc.sql(SELECT + " where code = :code").param("code", code).query(StoredLibrary.class).optional();
    }

    Optional<StoredLibrary> lock(String code) {
        return jdbc.sql(SELECT + " where code = :code for update").param("code", code).query(StoredLibrary.class)
                .optional();
    }

    List<StoredLibrary> all() {
        return jdbc.sql(SELECT + " order by code").query(StoredLibrary.class).list();
    }

    /** The sum of all versions: it changes whenever any library is saved (versions only grow). */
    long generation() {
        return jdbc.sql("select count(*) * 1000000 + coalesce(sum(version), 0) from integration_libraries")
                .query(Long.class).single();
    }

    int save(String code, String source, Instant at, String by) {
        int version = jdbc.sql("""
                        insert into integration_libraries(code, source, version, updated_at, updated_by)
                        values (:code, :source, 1, :at, :by)
                        on conflict (code) do update set source = :source, version = integration_libraries.version + 1,
                            updated_at = :at, updated_by = :by
                        returning version""")
                .param("code", code).param("source", source).param("at", Timestamp.from(at)).param("by", by)
                .query(Integer.class).single();
        jdbc.sql("""
                        insert into integration_library_versions(code, version, source, saved_at, saved_by)
                        values (:code, :version, :source, :at, :by)""")
                .param("code", code).param("version", version).param("source", source)
                .param("at", Timestamp.from(at)).param("by", by).update();
        return version;
    }

    List<LibraryVersion> versions(String code) {
        return jdbc.sql("""
                        select code, version, saved_at, saved_by from integration_library_versions
                        where code = :code order by version desc""")
                .param("code", code).query(LibraryVersion.class).list();
    }

    Optional<String> source(String code, int version) {
        return jdbc.sql("select source from integration_library_versions where code = :code and version = :version")
                .param("code", code).param("version", version).query(String.class).optional();
    }
}
