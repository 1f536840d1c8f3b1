package org.medops.catalog;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

@Repository
class Services {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Services(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    List<ServiceDefinition> all() {
        return jdbc.sql("select document::text from gateway_services order by code")
                .query(String.class).list().stream().map(this::read).toList();
    }

    Optional<ServiceDefinition> find(String code) {
        return jdbc.sql("select document::text from gateway_services where code = :code").param("code", code)
                .query(String.class).optional().map(this::read);
    }

    boolean exists(String code) {
        return jdbc.sql("select count(*) from gateway_services where code = :code").param("code", code)
                .query(Long.class).single() > 0;
    }

    void save(ServiceDefinition service, Instant at) {
        jdbc.sql("""
                insert into gateway_services(code, document, updated_at) values (:code, cast(:document as jsonb), :at)
                on conflict (code) do update set document = excluded.document, updated_at = excluded.updated_at""")
                .param("code", service.code())
                .param("document", json.writeValueAsString(service))
                .param("at", Timestamp.from(at))
                .update();
    }

    private ServiceDefinition read(String document) {
        return json.readValue(document, ServiceDefinition.class);
    }
}
