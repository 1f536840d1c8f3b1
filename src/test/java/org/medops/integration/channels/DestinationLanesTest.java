package org.medops.integration.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.medops.integration.hl7.Hl7Message;
import org.medops.integration.store.DeliveryQueue;

class DestinationLanesTest {

    static final String ADT = "MSH|^~\\&|HIS|HOSP|EMR|HOSP|20261202083000||ADT^A01|C1|P|2.5.1\r"
            + "PID|1||100234^^^HOSP^MR||张^三\r";

    static ChannelDocument.Destination destination(String name, ChannelDocument.Parallel parallel) {
        return new ChannelDocument.Destination(name, "HTTP", "http://127.0.0.1/x", null, null, null, null,
                null, null, null, null, null, null, null, parallel)
                .effective();
    }

    @Nested
    class Lanes {

        @Test
        void aDestinationWithoutParallelHasOneLane() {
            assertThat(destination("emr", null).lanes()).isEqualTo(1);
        }

        @Test
        void parallelWithoutWorkersHasFourLanes() {
            assertThat(destination("emr", new ChannelDocument.Parallel("PID-3.1", null)).lanes()).isEqualTo(4);
        }

        @Test
        void theKeyIsTheValueAtTheHl7PathAndAbsentWithoutParallelOrValue() throws Exception {
            Hl7Message message = Hl7Message.parse(ADT);
            ChannelDocument channel = new ChannelDocument("c", "c", null, new ChannelDocument.Source("MLLP", 1, null, null),
                    null, null, List.of(destination("byPatient", new ChannelDocument.Parallel("PID-3.1", 8)),
                    destination("plain", null), destination("byVisit", new ChannelDocument.Parallel("PV1-19", 2))), null, null, null);
            assertThat(channel.laneKeys(message)).containsOnlyKeys("byPatient").containsEntry("byPatient", "100234");
        }
    }

    @Nested
    class Hash {

        @Test
        void isStableAndNeverNegative() {
            assertThat(DeliveryQueue.laneHash("100234")).isEqualTo("100234".hashCode() & 0x7fffffff);
            assertThat(DeliveryQueue.laneHash("polygenelubricants")).isNotNegative();
            assertThat(DeliveryQueue.laneHash(null)).isNull();
        }
    }
}
