package org.medops.records.versions;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The vendor's released versions per system. */
@Repository
class Releases {

    private static final String SELECT = """
            select id, system_code, version, released_on, notes, recorded_by, recorded_at from records_version_releases""";

    private final JdbcClient jdbc;

    Releases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(NewRelease release, String by, Instant at) {
        return jdbc.sql("""
                        insert into records_version_releases(system_code, version, released_on, notes, recorded_by,
                            recorded_at)
                        values (:system, :version, :on, :notes, :by, :at) returning id""")
                .param("system", release.systemCode()).param("version", release.version().strip())
                .param("on", release.releasedOn()).param("notes", release.notes()).param("by", by)
                .param("at", Timestamp.from(at)).query(Long.class).single();
    }

    boolean exists(String systemCode, String version) {
        return jdbc.sql("select exists(select 1 from records_version_releases where system_code = :s and version = :v)")
                .param("s", systemCode).param("v", version.strip()).query(Boolean.class).single();
    }

    Optional<VersionRelease> find(long id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query(VersionRelease.class).optional();
    }

    /** The system's newest release on or before {@code day}. */
    Optional<VersionRelease> latest(String systemCode, LocalDate day) {
        return jdbc.sql(SELECT + " where system_code = :s and released_on <= :day order by released_on desc, id desc limit 1")
                .param("s", systemCode).param("day", day).query(VersionRelease.class).optional();
    }

    List<VersionRelease> ofSystem(String systemCode) {
        return jdbc.sql(SELECT + " where system_code = :s order by released_on desc, id desc").param("s", systemCode)
                .query(VersionRelease.class).list();
    }
}
