package org.medops.traffic;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.medops.gateway.GatewayPorts;
import org.medops.testing.Api;
import org.medops.testing.Browser;
import org.medops.testing.MedopsTest;
import org.medops.testing.SignedClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Dashboard figures and log queries against a known sequence of real gateway calls, on a database
 * of their own (a context of its own), so that every total is exact.
 */
@MedopsTest
@TestPropertySource(properties = "medops.test.context=traffic")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrafficIT {

    static WireMockServer upstream = new WireMockServer(options().dynamicPort());

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.springframework.context.ApplicationContext context;

    Api admin;
    Instant start;

    @BeforeAll
    void sendKnownTraffic() throws Exception {
        upstream.start();
        upstream.stubFor(get(urlPathEqualTo("/ok")).willReturn(okJson("{\"ok\":true}")));
        upstream.stubFor(get(urlPathEqualTo("/slow")).willReturn(okJson("{\"ok\":true}").withFixedDelay(300)));
        upstream.stubFor(get(urlPathEqualTo("/fail")).willReturn(aResponse().withStatus(500)));
        start = Instant.now().minusSeconds(120);
        admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        admin.post("/api/v1/services", "{\"code\":\"his\",\"name\":\"HIS\",\"upstreamUrl\":\"" + upstream.baseUrl() + "\"}");
        admin.post("/api/v1/services", """
                {"code":"yb","name":"医保","upstreamUrl":"%s","breaker":{"failureRatePercent":50,"slowCallRatePercent":100,
                 "slowCallMillis":5000,"windowSize":2,"minimumCalls":2,"openSeconds":60},
                 "fallback":{"status":200,"contentType":"application/json","body":"{}"}}""".formatted(upstream.baseUrl()));
        JsonNode channel = admin.post("/api/v1/channels", "{\"code\":\"wechat\",\"name\":\"微信\"}").json();
        admin.post("/api/v1/channels/wechat/grants", "{\"serviceCode\":\"his\"}");
        admin.post("/api/v1/channels/wechat/grants", "{\"serviceCode\":\"yb\"}");
        int gatewayPort = GatewayPorts.of(context);
        SignedClient client = new SignedClient(gatewayPort, channel.get("appKey").asString(),
                channel.get("appSecret").asString());
        await().atMost(Duration.ofSeconds(2)).until(() -> client.get("/his/ok").status() == 200);
        for (int i = 0; i < 4; i++) {
            assertThat(client.get("/his/ok").status()).isEqualTo(200);
        }
        assertThat(client.get("/his/fail").status()).isEqualTo(500);
        assertThat(client.get("/his/fail").status()).isEqualTo(500);
        assertThat(client.get("/his/slow").status()).isEqualTo(200);
        SignedClient.exchange(HttpRequest.newBuilder(URI.create("http://localhost:" + gatewayPort + "/his/ok")).build());
        client.get("/nowhere/x");
        assertThat(client.get("/yb/fail").status()).isEqualTo(500);
        assertThat(client.get("/yb/fail").status()).isEqualTo(500);
        assertThat(client.get("/yb/fail").fallback()).isEqualTo("circuit-open");
        assertThat(client.get("/yb/fail").fallback()).isEqualTo("circuit-open");
        await().atMost(Duration.ofSeconds(5)).until(() ->
                jdbc.sql("select count(*) from access_log").query(Long.class).single() == 14);
    }

    @AfterAll
    void stopUpstream() {
        upstream.stop();
    }

    @Test
    void summaryShowsExactlyWhatTheGatewayServed() {
        JsonNode summary = admin.get("/api/v1/traffic/summary?from=" + start + "&to=" + Instant.now().plusSeconds(120)).json();
        // his: 5 ok + 2 fail + 1 slow + 1 unsigned (401); yb: 2 fail + 2 fallbacks; one unknown service (404)
        assertThat(summary.get("total").asLong()).isEqualTo(14);
        assertThat(summary.get("failure").asLong()).isEqualTo(8);
        assertThat(summary.get("success").asLong()).isEqualTo(6);
        assertThat(summary.get("failure4xx").asLong()).isEqualTo(2);
        assertThat(summary.get("failure5xx").asLong()).isEqualTo(6);
        assertThat(summary.get("cumulativeVisits").asLong()).isEqualTo(14);
        assertThat(summary.get("serviceCount").asInt()).isEqualTo(2);
        assertThat(summary.get("topVisits").get(0).get("service").asString()).isEqualTo("his");
        assertThat(summary.get("topVisits").get(0).get("calls").asLong()).isEqualTo(9);
        assertThat(summary.get("topFailures").get(0).get("service").asString()).isEqualTo("yb");
        assertThat(summary.get("topFailures").get(0).get("failures").asLong()).isEqualTo(4);
        assertThat(summary.get("topLatency").get(0).get("service").asString()).isEqualTo("his");
        long trendCalls = 0;
        for (JsonNode point : summary.get("trend")) {
            trendCalls += point.get("calls").asLong();
        }
        assertThat(trendCalls).isEqualTo(14);
    }

    @Test
    void rollupsAgreeWithTheRawLog() {
        Map<String, Long> raw = counts("select coalesce(service_code, '') as k, count(*) as v from access_log group by 1");
        assertThat(raw).containsEntry("his", 9L).containsEntry("yb", 4L).containsEntry("", 1L);
        assertThat(counts("select service_code as k, sum(calls) as v from traffic_minute group by 1")).isEqualTo(raw);
        assertThat(counts("select service_code as k, sum(calls) as v from traffic_hour group by 1")).isEqualTo(raw);
        assertThat(counts("select service_code as k, calls as v from traffic_total")).isEqualTo(raw);
        assertThat(jdbc.sql("select sum(latency_histogram[i]) from traffic_minute, generate_subscripts(latency_histogram, 1) i")
                .query(Long.class).single()).isEqualTo(14);
    }

    @Test
    void pagesTheLogNewestFirstWithoutGapsOrRepeats() {
        JsonNode first = admin.get("/api/v1/traffic/logs?service=his&limit=4&from=" + start).json();
        assertThat(first.get("records").size()).isEqualTo(4);
        String cursor = first.get("nextBefore").asString();
        JsonNode rest = admin.get("/api/v1/traffic/logs?service=his&limit=10&from=" + start + "&before=" + cursor).json();
        assertThat(rest.get("records").size()).isEqualTo(5);
        List<String> ids = new ArrayList<>(first.get("records").findValuesAsString("requestId"));
        ids.addAll(rest.get("records").findValuesAsString("requestId"));
        assertThat(ids).doesNotHaveDuplicates().hasSize(9);
        List<Instant> times = new ArrayList<>();
        first.get("records").forEach(r -> times.add(Instant.parse(r.get("occurredAt").asString())));
        rest.get("records").forEach(r -> times.add(Instant.parse(r.get("occurredAt").asString())));
        assertThat(times).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void filtersByStatusClassErrorCodeLatencyAndRequestId() {
        assertThat(admin.get("/api/v1/traffic/logs?statusClass=5&from=" + start).json().get("records").size()).isEqualTo(4);
        JsonNode unsigned = admin.get("/api/v1/traffic/logs?errorCode=MEDOPS-AUTH-MISSING&from=" + start).json();
        assertThat(unsigned.get("records").size()).isEqualTo(1);
        JsonNode slow = admin.get("/api/v1/traffic/logs?minLatencyMs=250&from=" + start).json().get("records");
        assertThat(slow.findValuesAsString("path")).contains("/his/slow");
        slow.forEach(record -> assertThat(record.get("totalMicros").asLong()).isGreaterThanOrEqualTo(250_000));
        String id = unsigned.get("records").get(0).get("requestId").asString();
        assertThat(admin.get("/api/v1/traffic/logs/" + id).json().get("status").asInt()).isEqualTo(401);
        Api.Response csv = admin.get("/api/v1/traffic/logs/export?service=yb&from=" + start);
        assertThat(csv.body().lines().count()).isEqualTo(5);
        assertThat(csv.body()).contains("MEDOPS-CIRCUIT-OPEN");
    }

    @Test
    void countsUsagePerServiceAndChannelByDayAndExportsIt() throws Exception {
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        JsonNode byService = admin.get("/api/v1/traffic/statistics?dimension=SERVICE&granularity=DAY&fromDate=" + today
                + "&toDate=" + today).json();
        JsonNode his = byService.get("summary").get(0);
        assertThat(his.get("key").asString()).isEqualTo("his");
        assertThat(his.get("calls").asLong()).isEqualTo(9);
        assertThat(his.get("failures").asLong()).isEqualTo(3);
        assertThat(his.get("p99Millis").asDouble()).isGreaterThanOrEqualTo(300);
        assertThat(byService.get("top").get("his").get(0).get("code").asString()).isEqualTo("wechat");
        JsonNode byChannel = admin.get("/api/v1/traffic/statistics?dimension=CHANNEL&granularity=HOUR&fromDate=" + today
                + "&toDate=" + today).json();
        assertThat(byChannel.get("summary").get(0).get("key").asString()).isEqualTo("wechat");
        assertThat(byChannel.get("summary").get(0).get("calls").asLong()).isEqualTo(12);

        java.net.http.HttpResponse<byte[]> xlsx = java.net.http.HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/traffic/statistics/export?fromDate="
                        + today + "&toDate=" + today + "&format=xlsx"))
                        .header("Authorization", "Bearer " + bearer()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(new String(xlsx.body(), 0, 2, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("PK");
        java.nio.file.Path file = java.nio.file.Files.createTempFile("statistics", ".xlsx");
        java.nio.file.Files.write(file, xlsx.body());
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
            StringBuilder content = new StringBuilder();
            for (java.util.zip.ZipEntry entry : java.util.Collections.list(zip.entries())) {
                content.append(entry.getName()).append(' ').append(new String(zip.getInputStream(entry).readAllBytes(),
                        java.nio.charset.StandardCharsets.UTF_8));
            }
            assertThat(content).contains("xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "&#x670d;&#x52a1;&#x6c47;&#x603b;", "his");
        } finally {
            java.nio.file.Files.delete(file);
        }
        Api.Response badRange = admin.get("/api/v1/traffic/statistics?fromDate=2026-02-01&toDate=2026-01-01");
        assertThat(badRange.status()).isEqualTo(400);
        assertThat(badRange.json().get("code").asString()).isEqualTo("range-invalid");
    }

    private String bearer() {
        return new Api(port).post("/api/v1/auth/token",
                "{\"username\":\"admin\",\"password\":\"" + MedopsTest.ADMIN_PASSWORD + "\"}").json().get("token").asString();
    }

    @Test
    void monitorsRatesErrorsLatencyAndTheOpenBreaker() {
        await().atMost(Duration.ofSeconds(12)).until(() ->
                admin.get("/api/v1/traffic/monitor").body().contains("\"breaker\":\"OPEN\""));
        JsonNode services = admin.get("/api/v1/traffic/monitor").json().get("services");
        JsonNode his = services.get(0).get("service").asString().equals("his") ? services.get(0) : services.get(1);
        JsonNode yb = services.get(0).get("service").asString().equals("yb") ? services.get(0) : services.get(1);
        assertThat(yb.get("breaker").asString()).isEqualTo("OPEN");
        assertThat(yb.get("breakerSince").isNull()).isFalse();
        assertThat(yb.get("errorRate").asDouble()).isEqualTo(1.0);
        assertThat(his.get("calls").asLong()).isEqualTo(9);
        assertThat(his.get("p95Millis").asDouble()).isGreaterThanOrEqualTo(300);
        assertThat(his.get("healthyUpstreams").asInt()).isEqualTo(1);
    }

    @Test
    void showsTheFiguresOnTheDashboardAndTheLogQueryPage() {
        try (Browser browser = Browser.open(port)) {
            browser.login("admin", MedopsTest.ADMIN_PASSWORD);
            await().atMost(Duration.ofSeconds(10)).until(() -> browser.text("#kpi-cumulative").equals("14"));
            assertThat(browser.text("#top-visits")).contains("his");
            assertThat(browser.text("#kpi-failure-split")).contains("4xx 2", "5xx 6");
            browser.screenshot("30-dashboard");
            browser.go("/traffic/logs?service=yb&from=" + java.time.LocalDateTime.now().minusHours(1).withNano(0));
            assertThat(browser.text("#log-records")).contains("MEDOPS-CIRCUIT-OPEN", "yb");
            browser.screenshot("31-log-query");
            browser.go("/traffic/statistics");
            assertThat(browser.text("#stats-summary")).contains("his", "wechat");
            browser.screenshot("33-statistics");
            browser.go("/traffic/monitor");
            assertThat(browser.text("#monitor-services")).contains("his", "yb");
            browser.screenshot("32-monitor");
        }
    }

    private Map<String, Long> counts(String sql) {
        return jdbc.sql(sql).query((rs, n) -> Map.entry(rs.getString("k"), rs.getLong("v"))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
