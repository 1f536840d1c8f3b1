package org.medops.gateway;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The nodes that reported themselves, newest heartbeat first; the monitoring center reads it too. */
@Repository
public class GatewayNodes {

    /** A node that missed three heartbeats (every 5 s) is shown as silent. */
    static final Duration SILENT_AFTER = Duration.ofSeconds(15);
    private static final TypeReference<TreeMap<String, ServiceReport>> BREAKERS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    GatewayNodes(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    public List<NodeStatus> all() {
        Instant now = clock.instant();
        return jdbc.sql("select node_id, started_at, heartbeat_at, config_version, breakers::text from gateway_nodes "
                        + "order by heartbeat_at desc")
                .query((rs, row) -> {
                    Instant heartbeat = rs.getTimestamp("heartbeat_at").toInstant();
                    return new NodeStatus(rs.getString("node_id"), rs.getTimestamp("started_at").toInstant(), heartbeat,
                            rs.getLong("config_version"), json.readValue(rs.getString("breakers"), BREAKERS),
                            Duration.between(heartbeat, now).compareTo(SILENT_AFTER) < 0);
                }).list();
    }

    /** A node's heartbeat: the configuration version it serves and its breakers, as of now. */
    void report(String nodeId, Instant startedAt, long configVersion, Map<String, ServiceReport> breakers) {
        jdbc.sql("""
                insert into gateway_nodes(node_id, started_at, heartbeat_at, config_version, breakers)
                values (:node, :startedAt, :now, :version, cast(:breakers as jsonb))
                on conflict (node_id) do update set started_at = excluded.started_at, heartbeat_at = excluded.heartbeat_at,
                    config_version = excluded.config_version, breakers = excluded.breakers""")
                .param("node", nodeId)
                .param("startedAt", Timestamp.from(startedAt))
                .param("now", Timestamp.from(clock.instant()))
                .param("version", configVersion)
                .param("breakers", json.writeValueAsString(breakers))
                .update();
    }

    /** Forgets nodes silent for a day: they were replaced, not just restarted. */
    int forgetStale() {
        return jdbc.sql("delete from gateway_nodes where heartbeat_at < :cutoff")
                .param("cutoff", Timestamp.from(clock.instant().minus(Duration.ofDays(1)))).update();
    }

    /** @param services breaker state (CLOSED, OPEN, HALF_OPEN) and upstream health by service code */
    public record NodeStatus(String nodeId, Instant startedAt, Instant heartbeatAt, long configVersion,
                             Map<String, ServiceReport> services, boolean alive) {
    }
}
