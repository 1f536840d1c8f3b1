package org.medops.integration.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.medops.testing.MedopsTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The lease rules against the real table: one holder, takeover only after expiry, a lost renewal ends the right. */
@MedopsTest
class LeasesIT {

    @Autowired
    Leases leases;

    @Test
    void oneNodeHoldsALaneUntilItsLeaseExpiresThenAnotherTakesIt() {
        LaneId lane = new LaneId("lease-" + UUID.randomUUID().toString().substring(0, 8), "emr", 0);
        Duration term = Duration.ofMillis(1500);
        assertThat(leases.take(lane, "node-x", term, "CLOSED")).isTrue();
        assertThat(leases.take(lane, "node-y", term, "CLOSED")).as("held by x").isFalse();
        assertThat(leases.take(lane, "node-x", term, "OPEN")).as("x renews").isTrue();
        assertThat(leases.live(lane.channel())).singleElement()
                .isEqualTo(new Leases.Held("emr", 0, "node-x", "OPEN"));

        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> leases.take(lane, "node-y", term, "CLOSED"));
        assertThat(leases.take(lane, "node-x", term, "CLOSED")).as("x lost it").isFalse();
        assertThat(leases.live(lane.channel())).extracting(Leases.Held::node).containsExactly("node-y");

        leases.release(lane, "node-x");
        assertThat(leases.live(lane.channel())).as("only the holder releases").hasSize(1);
        leases.release(lane, "node-y");
        assertThat(leases.live(lane.channel())).isEmpty();
    }

    @Test
    void aLeaseWhoseRenewalFindsItTakenIsNoLongerHeld() {
        LaneId lane = new LaneId("lease-" + UUID.randomUUID().toString().substring(0, 8), "emr", 1);
        Lease mine = new Lease(lane, "node-x", leases, () -> "CLOSED");
        assertThat(mine.take()).isTrue();
        assertThat(mine.held()).isTrue();
        // Another node finds the lease expired (forced here by releasing it) and takes it.
        leases.release(lane, "node-x");
        assertThat(leases.take(lane, "node-y", Lease.TERM, "CLOSED")).isTrue();
        mine.renew();
        assertThat(mine.held()).as("the renewal failed: no more sends").isFalse();
    }
}
