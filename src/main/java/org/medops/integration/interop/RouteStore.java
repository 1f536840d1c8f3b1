package org.medops.integration.interop;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The route table and the calls each route answered. */
@Repository
class RouteStore {

    private static final String SELECT = "select route, kind, channel, description, updated_at, updated_by from integration_interop_routes";

    private final JdbcClient jdbc;

    RouteStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<InteropRoute> all() {
        return jdbc.sql(SELECT + " order by kind desc, route").query(InteropRoute.class).list();
    }

    Optional<InteropRoute> find(String route) {
        return jdbc.sql(SELECT + " where route = :route").param("route", route).query(InteropRoute.class).optional();
    }

    Optional<InteropRoute> lock(String route) {
        return jdbc.sql(SELECT + " where route = :route for update").param("route", route).query(InteropRoute.class)
                .optional();
    }

    void put(InteropRoute route) {
        jdbc.sql("""
                        insert into integration_interop_routes(route, kind, channel, description, updated_at, updated_by)
                        values (:route, :kind, :channel, :description, :at, :by)
                        on conflict (route) do update set channel = excluded.channel, description = excluded.description,
                            updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
                .param("route", route.route()).param("kind", route.kind().name()).param("channel", route.channel())
                .param("description", route.description()).param("at", Timestamp.from(route.updatedAt()))
                .param("by", route.updatedBy()).update();
    }

    boolean remove(String route) {
        return jdbc.sql("delete from integration_interop_routes where route = :route").param("route", route).update() > 0;
    }

    void called(String route, Instant at, Long messageId, String outcome, String reason, String patientId) {
        jdbc.sql("""
                        insert into integration_interop_calls(route, called_at, message_id, outcome, reason, patient_id)
                        values (:route, :at, :message, :outcome, :reason, :patient)""")
                .param("route", route).param("at", Timestamp.from(at)).param("message", messageId)
                .param("outcome", outcome).param("reason", reason).param("patient", patientId).update();
    }

    List<InteropCall> calls(String route, int limit) {
        return jdbc.sql("""
                        select id, route, called_at, message_id, outcome, reason from integration_interop_calls
                        where route = :route order by called_at desc, id desc limit :limit""")
                .param("route", route).param("limit", limit).query(InteropCall.class).list();
    }

    /** The stored message of the latest accepted registration or update of this patient. */
    Optional<Long> latestRegistration(String patientId, Collection<String> routes) {
        return jdbc.sql("""
                        select message_id from integration_interop_calls
                        where patient_id = :patient and outcome = 'AA' and route in (:routes) and message_id is not null
                        order by called_at desc, id desc limit 1""")
                .param("patient", patientId).param("routes", routes).query(Long.class).optional();
    }
}
