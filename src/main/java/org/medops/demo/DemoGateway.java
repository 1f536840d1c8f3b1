package org.medops.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.medops.catalog.Catalog;
import org.medops.catalog.ChannelRequest;
import org.medops.catalog.ServiceDocRequest;
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
 * (with their portal docs) and three channels (created once, secrets rotated on later starts since none is kept), and send
 * demo traffic through the gateway.
 */
@Component
@ConditionalOnProperty(name = "medops.demo", havingValue = "true")
class DemoGateway implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DemoGateway.class);

    /** What the gateway may answer instead of the hospital's system; the same for every demo service. */
    private static final String ERROR_CODES = """
            MEDOPS-AUTH-MISSING 缺少签名请求头
            MEDOPS-AUTH-SIGNATURE 签名不正确
            MEDOPS-AUTH-EXPIRED 时间戳超出允许偏差
            MEDOPS-AUTH-REPLAY 随机数（Nonce）已使用过
            MEDOPS-ACCESS-DENIED 渠道未获授权调用本服务
            MEDOPS-RATE-LIMITED 超过每秒调用上限，请按 Retry-After 重试
            MEDOPS-QUOTA-EXCEEDED 超过每日调用配额
            MEDOPS-UPSTREAM-TIMEOUT 医院系统响应超时
            MEDOPS-CIRCUIT-OPEN 医院系统暂不可用（熔断中）""";

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
        document("his", "查询患者基本信息、可挂号科室与候诊人数，预约挂号。", "GET /his/patients/P00012345",
                "{\"patientId\":\"P00012345\",\"name\":\"张*\",\"gender\":\"M\",\"age\":58}");
        document("lis", "按患者查询最新检验报告（项目、结果值、单位与参考范围）。", "GET /lis/reports/P00012345",
                "{\"reportId\":\"L10086\",\"items\":[{\"code\":\"GLU\",\"name\":\"葡萄糖\",\"value\":5.6,"
                        + "\"unit\":\"mmol/L\",\"range\":\"3.9-6.1\"}]}");
        document("yb", "提交门诊医保结算，返回统筹支付与个人自付金额；医保系统繁忙时返回降级应答。",
                "POST /yb/settlements\n{\"visitId\":\"V778\",\"amount\":160.00}",
                "{\"settlementId\":\"YB204518\",\"fundPaid\":128.40,\"selfPaid\":31.60}");
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

    /**
     * Publishes the service to the developer portal the way an administrator does (开放文档: summary, examples,
     * OpenAPI, error codes); without it the portal lists no API and grants lead to pages nobody may read. Docs
     * an administrator has written since are kept.
     */
    private void document(String code, String summary, String requestExample, String responseExample) throws Exception {
        if (catalog.docOf(code).isPresent()) {
            return;
        }
        String openApi;
        try (java.io.InputStream in = DemoGateway.class.getResourceAsStream("/demo/openapi/" + code + ".yaml")) {
            openApi = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        catalog.saveDoc(code, new ServiceDocRequest(true, summary, requestExample, responseExample, openApi,
                ERROR_CODES), "demo");
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
