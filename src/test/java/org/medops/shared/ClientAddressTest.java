package org.medops.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ClientAddressTest {

    @Test
    void showsLoopbackAndMappedAddressesTheWayPeopleWriteThem() {
        assertThat(ClientAddress.normalise("0:0:0:0:0:0:0:1")).isEqualTo("::1");
        assertThat(ClientAddress.normalise("::ffff:10.1.2.3")).isEqualTo("10.1.2.3");
        assertThat(ClientAddress.normalise("0:0:0:0:0:ffff:a01:203")).isEqualTo("10.1.2.3");
        assertThat(ClientAddress.normalise("127.0.0.1")).isEqualTo("127.0.0.1");
        assertThat(ClientAddress.normalise("2001:db8:0:0:1:0:0:1")).isEqualTo("2001:db8::1:0:0:1");
        assertThat(ClientAddress.normalise("fe80:0:0:0:1:2:3:4%eth0")).isEqualTo("fe80::1:2:3:4%eth0");
    }

    @Test
    void leavesAnythingElseAsGiven() {
        assertThat(ClientAddress.normalise(null)).isNull();
        assertThat(ClientAddress.normalise("")).isEmpty();
        assertThat(ClientAddress.normalise("proxy.hospital.local")).isEqualTo("proxy.hospital.local");
        assertThat(ClientAddress.normalise("unknown")).isEqualTo("unknown");
    }

    @Test
    void comparesNestedRecordsFieldByField() {
        record Breaker(int failureRatePercent, int openSeconds) { }
        record Service(String name, Breaker breaker) { }
        List<FieldChange> changes = FieldChange.between(new Service("HIS", new Breaker(50, 30)),
                new Service("HIS", new Breaker(60, 30)));
        assertThat(changes).containsExactly(FieldChange.of("breaker.failureRatePercent", 50, 60));
    }
}
