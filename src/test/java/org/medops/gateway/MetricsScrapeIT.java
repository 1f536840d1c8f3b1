package org.medops.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.medops.catalog.Catalog;
import org.medops.integration.MllpClient;
import org.medops.testing.Api;
import org.medops.testing.ForkedMedops;
import org.medops.testing.HttpReceiver;
import org.medops.testing.MedopsTest;
import org.medops.testing.SignedClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shipped Grafana dashboard and Prometheus rules (deploy/) use only metrics a running MedOps exposes: real
 * traffic through the gateway and the integration engine, then a scrape of {@code /actuator/prometheus}.
 */
@MedopsTest
class MetricsScrapeIT {

    static final Path DASHBOARD = Path.of("deploy/grafana/medops-dashboard.json");
    static final Path RULES = Path.of("deploy/prometheus/medops-alerts.yml");
    /** Metric names are the identifiers with these prefixes; PromQL functions and labels have none of them. */
    static final Pattern METRIC = Pattern.compile("\\b((?:medops|jvm|hikaricp|process|http_server)_[a-z0-9_]+)");

    static WireMockServer upstream = new WireMockServer(options().dynamicPort());
    static HttpReceiver receiver = new HttpReceiver();

    @LocalServerPort
    int port;

    @Autowired
    GatewayServer gateway;

    @Autowired
    Catalog catalog;

    @BeforeAll
    static void startUpstream() {
        upstream.start();
        upstream.stubFor(get(urlPathMatching("/his/ok/.*")).willReturn(okJson("{\"ok\":true}")));
        upstream.stubFor(get(urlPathMatching("/his/broken/.*")).willReturn(serverError()));
    }

    @AfterAll
    static void stop() {
        upstream.stop();
        receiver.stop();
    }

    @Test
    void everyMetricTheDashboardAndTheRulesUseIsExposed() throws Exception {
        Set<String> used = new TreeSet<>(dashboardMetrics());
        used.addAll(ruleMetrics());
        assertThat(used).as("the dashboard and rules use MedOps metrics")
                .contains("medops_gateway_requests_total", "medops_opsdesk_tickets_sla_breached");

        makeTraffic();
        Api scraper = new Api(port).withToken("test-scrape-token-2026");
        List<String> missing = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
            Set<String> exposed = exposedNames(scraper.get("/actuator/prometheus").body());
            missing.clear();
            used.stream().filter(name -> !exposed.contains(name)).forEach(missing::add);
            return missing.isEmpty();
        });
        assertThat(missing).as("metrics used in deploy/ but not exposed").isEmpty();
    }

    @Test
    void gatewayCallsAreCountedByServiceChannelStatusAndErrorCode() throws Exception {
        Fixture f = fixture();
        assertThat(f.client().get("/" + f.service() + "/ok/patients/P100231").status()).isEqualTo(200);
        assertThat(f.client().get("/" + f.service() + "/ok/patients/P100232").status()).isEqualTo(200);
        assertThat(f.client().get("/" + f.service() + "/broken/x").status()).isEqualTo(500);
        assertThat(new SignedClient(gateway.port(), f.appKey(), "wrong-secret").get("/" + f.service() + "/ok/1")
                .code()).isEqualTo("MEDOPS-AUTH-SIGNATURE");
        Api scraper = new Api(port).withToken("test-scrape-token-2026");
        String labels = "channel=\"" + f.channel() + "\",error=\"%s\",service=\"" + f.service() + "\",status=\"%s\"";
        String scrape = await().atMost(Duration.ofSeconds(10)).until(() -> scraper.get("/actuator/prometheus").body(),
                body -> body.contains("medops_gateway_upstream_up{service=\"" + f.service() + "\""));
        assertThat(scrape).contains(
                "medops_gateway_requests_total{" + labels.formatted("none", "2xx") + "} 2.0",
                "medops_gateway_requests_total{" + labels.formatted("none", "5xx") + "} 1.0",
                "medops_gateway_requests_total{" + labels.formatted("MEDOPS-AUTH-SIGNATURE", "4xx") + "} 1.0",
                "medops_gateway_request_duration_seconds_count{channel=\"" + f.channel() + "\",service=\""
                        + f.service() + "\"} 4",
                "medops_gateway_breaker_state{service=\"" + f.service() + "\",state=\"closed\"} 1.0",
                "medops_gateway_upstream_up{service=\"" + f.service() + "\",upstream=\"localhost:" + upstream.port()
                        + "\"} 1.0",
                "medops_gateway_config_version{node=\"" + gateway.nodeId() + "\"}");
        assertThat(scrape).as("no paths or patient ids as labels").doesNotContain("P100231", "/ok/patients");

        // an unknown service is counted under "none": callers cannot invent label values
        f.client().get("/no-such-" + UUID.randomUUID().toString().substring(0, 6) + "/x");
        String after = await().atMost(Duration.ofSeconds(5)).until(() -> scraper.get("/actuator/prometheus").body(),
                body -> body.contains("error=\"MEDOPS-SERVICE-NOT-FOUND\",service=\"none\""));
        assertThat(after).doesNotContain("service=\"no-such-");
        long version = catalog.currentVersion();
        await().atMost(Duration.ofSeconds(5)).until(() -> scraper.get("/actuator/prometheus").body()
                .contains("medops_gateway_config_version{node=\"" + gateway.nodeId() + "\"} " + (double) version));
    }

    @Test
    void theDashboardIsAnImportableGrafanaDocument() throws IOException {
        JsonNode dashboard = JsonMapper.builder().build().readTree(Files.readString(DASHBOARD));
        assertThat(dashboard.get("uid").asString()).isEqualTo("medops-ops");
        assertThat(dashboard.get("__inputs").get(0).get("pluginId").asString()).isEqualTo("prometheus");
        Set<Integer> ids = new HashSet<>();
        for (JsonNode panel : dashboard.get("panels")) {
            assertThat(ids.add(panel.get("id").asInt())).as("panel ids are unique").isTrue();
            assertThat(panel.get("gridPos").get("w").asInt()).isBetween(1, 24);
            if (!"row".equals(panel.get("type").asString())) {
                assertThat(panel.get("targets")).as(panel.get("title").asString()).isNotEmpty();
                for (JsonNode target : panel.get("targets")) {
                    assertThat(target.get("datasource").get("uid").asString()).isEqualTo("${datasource}");
                }
            }
        }
    }

    /** A gateway service with two paths (one failing), a signed channel, and an integration channel with a message. */
    private void makeTraffic() throws Exception {
        Fixture f = fixture();
        f.client().get("/" + f.service() + "/ok/1");
        f.client().get("/" + f.service() + "/broken/1");
        String code = "m-" + UUID.randomUUID().toString().substring(0, 8);
        int mllp = ForkedMedops.freePort();
        Api.Response created = admin().put("/api/v1/integration/channels/" + code, """
                {"code": "%s", "name": "指标测试", "source": {"type": "MLLP", "port": %d},
                 "destinations": [{"name": "emr", "type": "HTTP", "url": "%s",
                   "retry": {"initial": "PT0.05S", "max": "PT0.2S", "rejections": 1},
                   "breaker": {"failures": 2, "open": "PT30S"}}]}""".formatted(code, mllp, receiver.url("/" + code)));
        assertThat(created.status()).as(created.body()).isBetween(200, 201);
        try (MllpClient his = MllpClient.await(mllp)) {
            assertThat(his.send("MSH|^~\\&|HIS|HOSP|EMR|HOSP|20261202083000||ADT^A01^ADT_A01|M-1|P|2.5.1\r"
                    + "EVN|A01|20261202083000\rPID|1||P300001^^^HOSP^MR||测试^^^^^^L||19900307|F\rPV1|1|I|ICU^01^02\r"))
                    .contains("MSA|AA");
        }
    }

    private Api admin() {
        return new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
    }

    private Fixture fixture() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String service = "met-" + suffix;
        String channel = "mch-" + suffix;
        Api admin = admin();
        Api.Response created = admin.post("/api/v1/services", """
                {"code":"%s","name":"指标测试服务","upstreamUrl":"%s","pathRewrite":"/his","retries":0}"""
                .formatted(service, upstream.baseUrl()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Api.Response issued = admin.post("/api/v1/channels", """
                {"code":"%s","name":"指标测试渠道"}""".formatted(channel));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        assertThat(admin.post("/api/v1/channels/" + channel + "/grants", "{\"serviceCode\":\"" + service + "\"}")
                .status()).isEqualTo(201);
        long version = catalog.currentVersion();
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(10))
                .until(() -> gateway.feed().current().version() >= version);
        JsonNode credentials = issued.json();
        String appKey = credentials.get("appKey").asString();
        return new Fixture(service, channel, appKey,
                new SignedClient(gateway.port(), appKey, credentials.get("appSecret").asString()));
    }

    record Fixture(String service, String channel, String appKey, SignedClient client) {
    }

    static Set<String> dashboardMetrics() throws IOException {
        JsonNode dashboard = JsonMapper.builder().build().readTree(Files.readString(DASHBOARD));
        Set<String> names = new TreeSet<>();
        for (JsonNode panel : dashboard.get("panels")) {
            if (panel.has("targets")) {
                for (JsonNode target : panel.get("targets")) {
                    names.addAll(metrics(target.get("expr").asString()));
                }
            }
        }
        for (JsonNode variable : dashboard.get("templating").get("list")) {
            if (variable.has("definition")) {
                names.addAll(metrics(variable.get("definition").asString()));
            }
        }
        return names;
    }

    @SuppressWarnings("unchecked")
    static Set<String> ruleMetrics() throws IOException {
        Map<String, Object> document = new Yaml().load(Files.readString(RULES));
        Set<String> names = new TreeSet<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) document.get("groups")) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                assertThat(rule).containsKeys("alert", "expr", "labels", "annotations");
                names.addAll(metrics(String.valueOf(rule.get("expr"))));
            }
        }
        return names;
    }

    static Set<String> metrics(String expression) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = METRIC.matcher(expression);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** The series names of a Prometheus text exposition (histogram buckets, counts and sums included). */
    static Set<String> exposedNames(String scrape) {
        Set<String> names = new HashSet<>();
        for (String line : scrape.split("\n")) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int end = 0;
            while (end < line.length() && line.charAt(end) != '{' && line.charAt(end) != ' ') {
                end++;
            }
            names.add(line.substring(0, end));
        }
        return names;
    }
}
