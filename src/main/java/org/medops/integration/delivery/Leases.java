package org.medops.integration.delivery;

import java.time.Duration;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The delivery leases: one row per destination and lane saying which node may send its queue until when.
 * Expiry is the database's time, so the nodes' clocks need not agree.
 */
@Repository
class Leases {

    private final JdbcClient jdbc;

    Leases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes or renews the lease; true when this node holds it now (it held it, or the lease had expired). */
    boolean take(LaneId lane, String node, Duration term, String breaker) {
        return jdbc.sql("""
                        insert into integration_destination_leases as l
                            (channel_code, destination, lane, node, expires_at, breaker, updated_at)
                        values (:channel, :destination, :lane, :node, now() + make_interval(secs => :seconds), :breaker, now())
                        on conflict (channel_code, destination, lane) do update
                            set node = excluded.node, expires_at = excluded.expires_at, breaker = excluded.breaker,
                                updated_at = excluded.updated_at
                            where l.node = excluded.node or l.expires_at < now()""")
                .param("channel", lane.channel()).param("destination", lane.destination()).param("lane", lane.lane())
                .param("node", node).param("seconds", term.toMillis() / 1000.0).param("breaker", breaker)
                .update() == 1;
    }

    /** Gives the lease up at once (a graceful stop), so that another node need not wait for it to expire. */
    void release(LaneId lane, String node) {
        jdbc.sql("""
                        delete from integration_destination_leases
                        where channel_code = :channel and destination = :destination and lane = :lane and node = :node""")
                .param("channel", lane.channel()).param("destination", lane.destination()).param("lane", lane.lane())
                .param("node", node).update();
    }

    /** The leases of a channel that have not expired. */
    List<Held> live(String channel) {
        return jdbc.sql("""
                        select destination, lane, node, breaker from integration_destination_leases
                        where channel_code = :channel and expires_at > now()
                        order by destination, lane""")
                .param("channel", channel).query(Held.class).list();
    }

    record Held(String destination, int lane, String node, String breaker) {
    }
}
