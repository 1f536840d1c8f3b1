package org.medops.gateway;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The nodes that reported themselves, newest heartbeat first. */
@Repository
class GatewayNodes {

    /** A node that missed three heartbeats (every 5 s) is shown as silent. */
    static final Duration SILENT_AFTER = Duration.ofSeconds(15);

    private final JdbcClient jdbc;
    private final Clock clock;

    GatewayNodes(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    List<NodeStatus> all() {
        Instant now = clock.instant();
        return jdbc.sql("select node_id, started_at, heartbeat_at, config_version, breakers::text from gateway_nodes "
                        + "order by heartbeat_at desc")
                .query((rs, row) -> {
                    Instant heartbeat = rs.getTimestamp("heartbeat_at").toInstant();
                    return new NodeStatus(rs.getString("node_id"), rs.getTimestamp("started_at").toInstant(), heartbeat,
                            rs.getLong("config_version"), rs.getString("breakers"),
                            Duration.between(heartbeat, now).compareTo(SILENT_AFTER) < 0);
                }).list();
    }

    /** Forgets nodes silent for a day: they were replaced, not just restarted. */
    int forgetStale() {
        return jdbc.sql("delete from gateway_nodes where heartbeat_at < ?")
                .param(Timestamp.from(clock.instant().minus(Duration.ofDays(1)))).update();
    }

    record NodeStatus(String nodeId, Instant startedAt, Instant heartbeatAt, long configVersion, String breakers,
                      boolean alive) {
    }
}
