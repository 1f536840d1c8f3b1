package org.medops.integration.interop;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.medops.shared.ListRequest;
import org.medops.shared.ListSource;
import org.medops.shared.SortColumns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The route table and the calls each route answered. */
@Repository
class RouteStore implements ListSource<RouteStore.Filter, InteropRoute> {

    static final SortColumns SORT = SortColumns.of("route", true, "route",
            "route", "route", "kind", "kind", "channel", "channel", "updatedAt", "updated_at");

    /** What the route list shows: a kind (null: both) and a text found in the route, channel or description. */
    record Filter(InteropRoute.Kind kind, String q) {
    }

    private static final String SELECT = "select route, kind, channel, description, updated_at, updated_by from integration_interop_routes";

    private final JdbcClient jdbc;

    RouteStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<InteropRoute> all() {
        return jdbc.sql(SELECT + " order by kind desc, route").query(InteropRoute.class).list();
    }

    @Override
    public List<InteropRoute> rows(Filter filter, ListRequest.Sort sort, long offset, int limit) {
        return where(SELECT, filter, " order by " + SORT.orderBy(sort) + " offset :offset limit :limit")
                .param("offset", offset).param("limit", limit).query(InteropRoute.class).list();
    }

    @Override
    public long count(Filter filter) {
        return where("select count(*) from integration_interop_routes", filter, "").query(Long.class).single();
    }

    private JdbcClient.StatementSpec where(String select, Filter filter, String tail) {
        String like = filter.q() == null || filter.q().isBlank() ? null
                : "%" + filter.q().strip().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%";
        return jdbc.sql(select + " " + """
                         where (cast(:kind as text) is null or kind = :kind)
                           and (cast(:like as text) is null or lower(route) like :like or lower(channel) like :like
                                or lower(description) like :like)""" + tail)
                .param("kind", filter.kind() == null ? null : filter.kind().name()).param("like", like);
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

    void called(String caller, String route, Instant at, Long messageId, String outcome, String reason, String patientId) {
        jdbc.sql("""
                        insert into integration_interop_calls(route, called_at, message_id, outcome, reason, patient_id, caller)
                        values (:route, :at, :message, :outcome, :reason, :patient, :caller)""")
                .param("route", route).param("caller", caller).param("at", Timestamp.from(at)).param("message", messageId)
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

    /** Indexes the identifiers of a resource the FHIR facade created ({@code [system, value]} pairs). */
    void identifiers(Long messageId, String route, List<String[]> identifiers) {
        if (messageId == null) {
            return;
        }
        for (String[] identifier : identifiers) {
            jdbc.sql("insert into integration_interop_identifiers(message_id, route, system, value) values (:id, :route, :system, :value)")
                    .param("id", messageId).param("route", route).param("system", identifier[0])
                    .param("value", identifier[1]).update();
        }
    }

    /** Whether the FHIR facade created this message as a resource of this type. */
    boolean created(String route, long messageId) {
        return jdbc.sql("""
                        select count(*) from integration_interop_calls
                        where route = :route and message_id = :id and outcome = '201'""")
                .param("route", route).param("id", messageId).query(Long.class).single() > 0;
    }

    /** The resources of this type created with this identifier ({@code system} null: any), newest first. */
    List<Long> search(String route, String system, String value, int limit) {
        return jdbc.sql("""
                        select distinct message_id from integration_interop_identifiers
                        where route = :route and value = :value and (cast(:system as text) is null or system = :system)
                        order by message_id desc limit :limit""")
                .param("route", route).param("value", value).param("system", system).param("limit", limit)
                .query(Long.class).list();
    }
}
