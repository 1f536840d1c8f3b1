package org.medops.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class GatewayMetricsTest {

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final GatewayMetrics metrics = new GatewayMetrics(registry, "node-1");

    double count(String service, String channel, String status, String error) {
        Counter counter = registry.find("medops.gateway.requests").tags("service", service, "channel", channel,
                "status", status, "error", error).counter();
        return counter == null ? 0 : counter.count();
    }

    @Nested
    class Calls {

        @Test
        void countsByServiceChannelStatusClassAndErrorCode() {
            metrics.call("his", "wechat", 200, null, 1_000_000);
            metrics.call("his", "wechat", 204, null, 2_000_000);
            metrics.call("his", "wechat", 502, "MEDOPS-UPSTREAM-UNAVAILABLE", 3_000_000);
            metrics.call("his", "alipay", 429, "MEDOPS-RATE-LIMITED", 500_000);
            assertThat(count("his", "wechat", "2xx", "none")).isEqualTo(2);
            assertThat(count("his", "wechat", "5xx", "MEDOPS-UPSTREAM-UNAVAILABLE")).isEqualTo(1);
            assertThat(count("his", "alipay", "4xx", "MEDOPS-RATE-LIMITED")).isEqualTo(1);
            Timer timer = registry.find("medops.gateway.request.duration").tags("service", "his", "channel", "wechat")
                    .timer();
            assertThat(timer.count()).isEqualTo(3);
            assertThat(timer.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(6.0);
        }

        @Test
        void unknownServicesChannelsAndCodesCannotCreateLabelValues() {
            metrics.call(null, null, 404, "MEDOPS-SERVICE-NOT-FOUND", 1);
            metrics.call("his", null, 401, "MEDOPS-AUTH-MISSING", 1);
            metrics.call("his", "wechat", 999, "SOMETHING-ELSE", 1);
            assertThat(count("none", "none", "4xx", "MEDOPS-SERVICE-NOT-FOUND")).isEqualTo(1);
            assertThat(count("his", "none", "4xx", "MEDOPS-AUTH-MISSING")).isEqualTo(1);
            assertThat(count("his", "wechat", "other", "none")).isEqualTo(1);
        }

        @Test
        void resolvesEachCounterOnceAndReusesIt() {
            metrics.call("his", "wechat", 200, null, 1);
            Counter first = registry.find("medops.gateway.requests").tags("status", "2xx").counter();
            for (int i = 0; i < 1000; i++) {
                metrics.call("his", "wechat", 200, null, 1);
            }
            assertThat(registry.find("medops.gateway.requests").counters()).hasSize(1);
            assertThat(first.count()).isEqualTo(1001);
        }
    }

    @Test
    void upstreamLabelsAreHostAndPortOnly() {
        assertThat(GatewayMetrics.authority(URI.create("http://user:pw@his.hospital.local:8081/api/v1?x=1")))
                .isEqualTo("his.hospital.local:8081");
        assertThat(GatewayMetrics.authority(URI.create("https://lis.hospital.local/base"))).isEqualTo("lis.hospital.local:443");
        assertThat(GatewayMetrics.authority(URI.create("http://10.0.0.5/"))).isEqualTo("10.0.0.5:80");
    }

    @Test
    void reportsTheConfigVersionPerNode() {
        assertThat(registry.find("medops.gateway.config.version").tag("node", "node-1").gauge().value()).isZero();
    }
}
