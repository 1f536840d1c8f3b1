package org.medops.catalog;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ServiceDocs {

    private final JdbcClient jdbc;

    ServiceDocs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ServiceDoc> find(String serviceCode) {
        return jdbc.sql("select * from service_docs where service_code = :service").param("service", serviceCode)
                .query(ServiceDoc.class).optional();
    }

    List<ServiceDoc> published() {
        return jdbc.sql("select * from service_docs where published order by service_code")
                .query(ServiceDoc.class).list();
    }

    void save(String serviceCode, ServiceDocRequest doc, String by, Instant at) {
        jdbc.sql("""
                insert into service_docs(service_code, published, summary, request_example, response_example, openapi,
                    error_codes, updated_at, updated_by)
                values (:service, :published, :summary, :requestExample, :responseExample, :openApi, :errorCodes,
                    :at, :by)
                on conflict (service_code) do update set published = excluded.published, summary = excluded.summary,
                    request_example = excluded.request_example, response_example = excluded.response_example,
                    openapi = excluded.openapi, error_codes = excluded.error_codes, updated_at = excluded.updated_at,
                    updated_by = excluded.updated_by""")
                .param("service", serviceCode)
                .param("published", doc.published())
                .param("summary", blankToNull(doc.summary()))
                .param("requestExample", blankToNull(doc.requestExample()))
                .param("responseExample", blankToNull(doc.responseExample()))
                .param("openApi", blankToNull(doc.openApi()))
                .param("errorCodes", blankToNull(doc.errorCodes()))
                .param("at", Timestamp.from(at))
                .param("by", by)
                .update();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
