package org.medops.integration.registry;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.medops.shared.ListRequest;
import org.medops.shared.ListSource;
import org.medops.shared.SortColumns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Registered services and their subscriptions. */
@Repository
class RegistryStore implements ListSource<RegistryStore.Filter, RegisteredService> {

    static final SortColumns SORT = SortColumns.of("code", true, "code",
            "code", "code", "name", "name", "system", "system_code", "kind", "kind", "status", "status",
            "updatedAt", "updated_at");

    private static final String SERVICE = """
            select code, name, system_code, kind, message_type, message_version, schema_text, owner, status, channel,
                   endpoint, timeout_ms, created_at, created_by, updated_at, updated_by from integration_services""";

    private static final String SUBSCRIPTION = """
            select id, service_code, system_code, delivery, filter, status, requested_at, requested_by, decided_at,
                   decided_by, active_since, updated_at, updated_by from integration_subscriptions""";

    /** What the list shows: null fields select everything. */
    record Filter(String system, ServiceKind kind, ServiceStatus status) {

        static final Filter ALL = new Filter(null, null, null);
    }

    private final JdbcClient jdbc;

    RegistryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<RegisteredService> rows(Filter filter, ListRequest.Sort sort, long offset, int limit) {
        return where(SERVICE, filter, " order by " + SORT.orderBy(sort) + " offset :offset limit :limit")
                .param("offset", offset).param("limit", limit).query(RegisteredService.class).list();
    }

    @Override
    public long count(Filter filter) {
        return where("select count(*) from integration_services", filter, "").query(Long.class).single();
    }

    private JdbcClient.StatementSpec where(String select, Filter filter, String tail) {
        return jdbc.sql(select + " " + """
                         where (cast(:system as varchar) is null or system_code = :system)
                           and (cast(:kind as varchar) is null or kind = :kind)
                           and (cast(:status as varchar) is null or status = :status)""" + tail)
                .param("system", filter.system())
                .param("kind", filter.kind() == null ? null : filter.kind().name())
                .param("status", filter.status() == null ? null : filter.status().name());
    }

    List<RegisteredService> all() {
        return jdbc.sql(SERVICE + " order by system_code, kind, code").query(RegisteredService.class).list();
    }

    Optional<RegisteredService> find(String code) {
        return jdbc.sql(SERVICE + " where code = :code").param("code", code).query(RegisteredService.class).optional();
    }

    Optional<RegisteredService> lock(String code) {
        return jdbc.sql(SERVICE + " where code = :code for update").param("code", code)
                .query(RegisteredService.class).optional();
    }

    void insert(RegisteredService s) {
        jdbc.sql("""
                        insert into integration_services(code, name, system_code, kind, message_type, message_version,
                            schema_text, owner, status, channel, endpoint, timeout_ms, created_at, created_by, updated_at, updated_by)
                        values (:code, :name, :system, :kind, :messageType, :messageVersion, :schema, :owner, :status,
                            :channel, :endpoint, :timeout, :at, :by, :at, :by)""")
                .param("endpoint", s.endpoint()).param("timeout", s.timeoutMs())
                .param("code", s.code()).param("name", s.name()).param("system", s.systemCode())
                .param("kind", s.kind().name()).param("messageType", s.messageType())
                .param("messageVersion", s.messageVersion()).param("schema", s.schemaText()).param("owner", s.owner())
                .param("status", s.status().name()).param("channel", s.channel())
                .param("at", Timestamp.from(s.createdAt())).param("by", s.createdBy()).update();
    }

    void update(RegisteredService s) {
        jdbc.sql("""
                        update integration_services set name = :name, system_code = :system, message_type = :messageType,
                            message_version = :messageVersion, schema_text = :schema, owner = :owner, status = :status,
                            channel = :channel, endpoint = :endpoint, timeout_ms = :timeout, updated_at = :at, updated_by = :by
                        where code = :code""")
                .param("endpoint", s.endpoint()).param("timeout", s.timeoutMs())
                .param("code", s.code()).param("name", s.name()).param("system", s.systemCode())
                .param("messageType", s.messageType()).param("messageVersion", s.messageVersion())
                .param("schema", s.schemaText()).param("owner", s.owner()).param("status", s.status().name())
                .param("channel", s.channel()).param("at", Timestamp.from(s.updatedAt())).param("by", s.updatedBy())
                .update();
    }

    long insertSubscription(String service, String system, String delivery, String filter, Instant at, String by) {
        return jdbc.sql("""
                        insert into integration_subscriptions(service_code, system_code, delivery, filter, status,
                            requested_at, requested_by, updated_at, updated_by)
                        values (:service, :system, :delivery, :filter, 'PENDING', :at, :by, :at, :by) returning id""")
                .param("service", service).param("system", system).param("delivery", delivery).param("filter", filter)
                .param("at", Timestamp.from(at)).param("by", by).query(Long.class).single();
    }

    Optional<Subscription> subscription(long id) {
        return jdbc.sql(SUBSCRIPTION + " where id = :id").param("id", id).query(Subscription.class).optional();
    }

    Optional<Subscription> lockSubscription(long id) {
        return jdbc.sql(SUBSCRIPTION + " where id = :id for update").param("id", id).query(Subscription.class).optional();
    }

    List<Subscription> subscriptionsOf(String service) {
        return jdbc.sql(SUBSCRIPTION + " where service_code = :service order by id").param("service", service)
                .query(Subscription.class).list();
    }

    List<Subscription> subscriptions() {
        return jdbc.sql(SUBSCRIPTION + " order by id").query(Subscription.class).list();
    }

    /** Moves a subscription on; {@code decided} when the step is an approval or a rejection. */
    void moveSubscription(long id, SubscriptionStatus status, boolean decided, Instant activeSince, Instant at,
                          String by) {
        jdbc.sql("""
                        update integration_subscriptions set status = :status, updated_at = :at, updated_by = :by,
                            decided_at = case when :decided then :at else decided_at end,
                            decided_by = case when :decided then :by else decided_by end,
                            active_since = coalesce(active_since, :since)
                        where id = :id""")
                .param("id", id).param("status", status.name()).param("decided", decided)
                .param("since", activeSince == null ? null : Timestamp.from(activeSince))
                .param("at", Timestamp.from(at)).param("by", by).update();
    }

    /** Whether {@code system} holds an active subscription to the service. */
    boolean subscribed(String service, String system) {
        return jdbc.sql("""
                        select count(*) from integration_subscriptions
                        where service_code = :service and system_code = :system and status = 'ACTIVE'""")
                .param("service", service).param("system", system).query(Long.class).single() > 0;
    }

    long insertCall(ServiceCalls.CallRecord call) {
        return jdbc.sql("""
                        insert into integration_service_calls(service_code, caller_system, called_at, duration_ms, outcome,
                            http_status, request_type, request_body, response_type, response_body, reason, called_by)
                        values (:service, :caller, :at, :duration, :outcome, :status, :requestType, :request,
                            :responseType, :response, :reason, :by) returning id""")
                .param("service", call.serviceCode()).param("caller", call.callerSystem())
                .param("at", Timestamp.from(call.calledAt())).param("duration", call.durationMs())
                .param("outcome", call.outcome()).param("status", call.httpStatus())
                .param("requestType", call.requestType()).param("request", call.requestBody())
                .param("responseType", call.responseType()).param("response", call.responseBody())
                .param("reason", call.reason()).param("by", call.calledBy()).query(Long.class).single();
    }

    List<ServiceCalls.CallRecord> calls(String service, int limit) {
        return jdbc.sql("""
                        select id, service_code, caller_system, called_at, duration_ms, outcome, http_status, request_type,
                            request_body, response_type, response_body, reason, called_by from integration_service_calls
                        where service_code = :service order by called_at desc, id desc limit :limit""")
                .param("service", service).param("limit", limit).query(ServiceCalls.CallRecord.class).list();
    }

    /** Answered calls (forwarded, whatever the partner said) since {@code since} per service and calling system: {@code service/system} → count. */
    java.util.Map<String, Long> callCounts(Instant since) {
        java.util.Map<String, Long> counts = new java.util.HashMap<>();
        jdbc.sql("""
                        select service_code, caller_system, count(*) as calls from integration_service_calls
                        where called_at >= :since and outcome in ('OK', 'UPSTREAM_ERROR')
                        group by service_code, caller_system""")
                .param("since", Timestamp.from(since))
                .query((rs, n) -> counts.put(rs.getString(1) + "/" + rs.getString(2), rs.getLong(3))).list();
        return counts;
    }
}
