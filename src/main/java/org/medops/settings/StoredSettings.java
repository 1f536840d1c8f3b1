package org.medops.settings;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The platform settings as saved: one JSON document, empty until somebody first changes a default. */
@Repository
class StoredSettings {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    StoredSettings(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<PlatformSettings> find() {
        return jdbc.sql("select document::text from platform_settings where id = 1")
                .query(String.class).optional()
                .map(document -> json.readValue(document, PlatformSettings.class));
    }

    void save(PlatformSettings settings, String by, Instant at) {
        jdbc.sql("""
                insert into platform_settings(id, document, updated_at, updated_by)
                values (1, cast(:document as jsonb), :at, :by)
                on conflict (id) do update set document = excluded.document,
                    updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
                .param("document", json.writeValueAsString(settings))
                .param("at", Timestamp.from(at))
                .param("by", by)
                .update();
    }
}
