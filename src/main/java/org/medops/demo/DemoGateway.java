package org.medops.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.medops.catalog.Catalog;
import org.medops.catalog.ChannelRequest;
import org.medops.catalog.ServiceRequest;
import org.medops.gateway.GatewayStarted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When the gateway is up in demo mode: start the demo upstream, publish HIS, LIS and 医保 services
 * with three channels (created once, secrets rotated on later starts since none is kept), and send
 * demo traffic through the gateway.
 */
@Component
@ConditionalOnProperty(name = "medops.demo", havingValue = "true")
class DemoGateway implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DemoGateway.class);

    private final Catalog catalog;
    private final org.medops.alerting.DemoAlertRules alertRules;
    private final int upstreamPort;
    private final long trafficPeriodMillis;
    private DemoUpstream upstream;
    private DemoTraffic traffic;
    private List<DemoTraffic.DemoChannel> channels;

    DemoGateway(Catalog catalog, org.medops.alerting.DemoAlertRules alertRules,
                @Value("${medops.demo-upstream-port:9090}") int upstreamPort,
                @Value("${medops.demo-traffic-period:300ms}") Duration trafficPeriod) {
        this.catalog = catalog;
        this.alertRules = alertRules;
        this.upstreamPort = upstreamPort;
        this.trafficPeriodMillis = trafficPeriod.toMillis();
    }

    /** Demo data never stops the platform: a failure (say, the demo upstream's port is taken) is logged. */
    @EventListener
    public synchronized void on(GatewayStarted started) {
        try {
            start(started);
        } catch (Exception e) {
            log.error("Demo: the demo upstream, services, channels and traffic failed and were skipped; "
                    + "the platform runs on without them", e);
            close();
            upstream = null;
            traffic = null;
        }
    }

    private void start(GatewayStarted started) throws Exception {
        if (upstream != null) {
            // The gateway restarted (possibly on another port): point the traffic at it again.
            traffic.close();
            traffic = new DemoTraffic(started.port(), channels, trafficPeriodMillis);
            return;
        }
        upstream = new DemoUpstream(upstreamPort);
        String base = "http://127.0.0.1:" + upstream.port();
        publish("his", "HIS 患者与挂号服务", "HIS", base, null);
        publish("lis", "LIS 检验报告查询", "LIS", base, null);
        publish("yb", "医保结算", "医保", base, "{\"settlementId\":null,\"status\":\"PENDING\",\"message\":\"医保系统繁忙，已转人工结算\"}");
        channels = new ArrayList<>();
        channels.add(channel("wechat-mp", "微信小程序", "MINI_PROGRAM", List.of("his", "lis", "yb")));
        channels.add(channel("alipay", "支付宝生活号", "MINI_PROGRAM", List.of("his", "yb")));
        channels.add(channel("hospital-app", "掌上医院 App", "APP", List.of("his", "lis")));
        alertRules.seedDemoRules();
        traffic = new DemoTraffic(started.port(), channels, trafficPeriodMillis);
        log.info("Demo: upstream on port {}, services his/lis/yb, channels wechat-mp/alipay/hospital-app, "
                + "traffic every {} ms through the gateway on port {}", upstream.port(), trafficPeriodMillis, started.port());
    }

    private void publish(String code, String name, String system, String upstreamUrl, String fallback) {
        if (catalog.services().stream().anyMatch(s -> s.code().equals(code))) {
            return;
        }
        ServiceRequest minimal = ServiceRequest.of(code, name, system, upstreamUrl + "/" + code);
        catalog.createService(fallback == null ? minimal : new ServiceRequest(minimal.code(), minimal.name(),
                "演示服务", minimal.owningSystem(), minimal.upstreamUrl(), null, null, null, null, 3000, 0, null,
                new ServiceRequest.FallbackRequest(200, "application/json", fallback), 200, true, true, List.of("name")));
    }

    private DemoTraffic.DemoChannel channel(String code, String name, String type, List<String> services) {
        Catalog.IssuedCredentials credentials;
        if (catalog.hasChannel(code)) {
            credentials = new Catalog.IssuedCredentials(code, catalog.appKeyOf(code),
                    catalog.rotateSecret(code, Duration.ZERO));
        } else {
            credentials = catalog.issueChannel(new ChannelRequest(code, name, type, "演示渠道", true, List.of(),
                    50, null));
        }
        for (String service : services) {
            catalog.grant(code, service, "demo");
        }
        return new DemoTraffic.DemoChannel(credentials, services);
    }

    @Override
    public void close() {
        if (traffic != null) {
            traffic.close();
        }
        if (upstream != null) {
            upstream.close();
        }
    }
}
