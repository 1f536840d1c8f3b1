package org.medops.integration.channels;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The channel documents and their versions. */
@Repository
class ChannelStore {

    private static final String SELECT = "select code, document, version, enabled, updated_at, updated_by from integration_channels";

    private final JdbcClient jdbc;

    ChannelStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StoredChannel> find(String code) {
        return jdbc.sql(SELECT + " where code = :code").param("code", code).query(StoredChannel.class).optional();
    }

    Optional<StoredChannel> lock(String code) {
        return jdbc.sql(SELECT + " where code = :code for update").param("code", code).query(StoredChannel.class)
                .optional();
    }

    List<StoredChannel> all() {
        return jdbc.sql(SELECT + " order by code").query(StoredChannel.class).list();
    }

    List<ChannelState> states() {
        return jdbc.sql("select code, version, enabled from integration_channels order by code")
                .query(ChannelState.class).list();
    }

    void insert(String code, String document, boolean enabled, Instant at, String by) {
        jdbc.sql("""
                        insert into integration_channels(code, document, version, enabled, updated_at, updated_by)
                        values (:code, :document, 1, :enabled, :at, :by)""")
                .param("code", code).param("document", document).param("enabled", enabled)
                .param("at", Timestamp.from(at)).param("by", by).update();
        version(code, 1, document, at, by);
    }

    int update(String code, String document, Instant at, String by) {
        int version = jdbc.sql("""
                        update integration_channels set document = :document, version = version + 1,
                            updated_at = :at, updated_by = :by
                        where code = :code returning version""")
                .param("code", code).param("document", document).param("at", Timestamp.from(at)).param("by", by)
                .query(Integer.class).single();
        version(code, version, document, at, by);
        return version;
    }

    void enable(String code, boolean enabled, Instant at, String by) {
        jdbc.sql("update integration_channels set enabled = :enabled, updated_at = :at, updated_by = :by where code = :code")
                .param("code", code).param("enabled", enabled).param("at", Timestamp.from(at)).param("by", by).update();
    }

    List<ChannelVersion> versions(String code) {
        return jdbc.sql("""
                        select code, version, saved_at, saved_by from integration_channel_versions
                        where code = :code order by version desc""")
                .param("code", code).query(ChannelVersion.class).list();
    }

    Optional<String> document(String code, int version) {
        return jdbc.sql("select document from integration_channel_versions where code = :code and version = :version")
                .param("code", code).param("version", version).query(String.class).optional();
    }

    private void version(String code, int version, String document, Instant at, String by) {
        jdbc.sql("""
                        insert into integration_channel_versions(code, version, document, saved_at, saved_by)
                        values (:code, :version, :document, :at, :by)""")
                .param("code", code).param("version", version).param("document", document)
                .param("at", Timestamp.from(at)).param("by", by).update();
    }
}
