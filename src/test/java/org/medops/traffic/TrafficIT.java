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
import org.medops.testing.Exports;
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
        await().atMost(Duration.ofSeconds(10)).until(() -> client.get("/his/ok").status() == 200);
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
        // his and yb, and the built-in services MedOps serves itself (payment, publication), without calls yet.
        assertThat(summary.get("serviceCount").asInt()).isEqualTo(2 + builtInServices());
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
        JsonNode first = admin.get("/api/v1/traffic/logs?service=his&size=4&from=" + start).json();
        assertThat(first.get("rows").size()).isEqualTo(4);
        assertThat(first.get("total").asLong()).isEqualTo(9);
        assertThat(first.get("size").asInt()).isEqualTo(4);
        String cursor = first.get("next").asString();
        assertThat(first.get("links").get("next").asString()).contains("after=", "service=his", "size=4");
        JsonNode rest = admin.get("/api/v1/traffic/logs?service=his&size=10&from=" + start + "&after=" + cursor).json();
        assertThat(rest.get("rows").size()).isEqualTo(5);
        assertThat(rest.get("total").asLong()).isEqualTo(9);
        assertThat(rest.path("next").isMissingNode() || rest.get("next").isNull()).as("no next after the last page")
                .isTrue();
        List<String> ids = new ArrayList<>(first.get("rows").findValuesAsString("requestId"));
        ids.addAll(rest.get("rows").findValuesAsString("requestId"));
        assertThat(ids).doesNotHaveDuplicates().hasSize(9);
        List<Instant> times = new ArrayList<>();
        first.get("rows").forEach(r -> times.add(Instant.parse(r.get("occurredAt").asString())));
        rest.get("rows").forEach(r -> times.add(Instant.parse(r.get("occurredAt").asString())));
        assertThat(times).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(first.get("rows").get(0).has("requestBody")).as("bodies stay on the request's own page").isFalse();

        JsonNode oldestFirst = admin.get("/api/v1/traffic/logs?service=his&size=5&sort=time,asc&from=" + start).json();
        JsonNode oldestRest = admin.get("/api/v1/traffic/logs?service=his&size=5&sort=time,asc&from=" + start
                + "&after=" + oldestFirst.get("next").asString()).json();
        List<String> ascending = new ArrayList<>(oldestFirst.get("rows").findValuesAsString("requestId"));
        ascending.addAll(oldestRest.get("rows").findValuesAsString("requestId"));
        List<String> newestLast = new ArrayList<>(ids);
        java.util.Collections.reverse(newestLast);
        assertThat(ascending).isEqualTo(newestLast);
    }

    @Test
    void refusesWhatTheLogQueryCannotAnswerWithAProblem() {
        assertThat(problem("/api/v1/traffic/logs?size=500")).isEqualTo("page-size-invalid");
        assertThat(problem("/api/v1/traffic/logs?sort=path,asc")).isEqualTo("sort-invalid");
        assertThat(problem("/api/v1/traffic/logs?after=nonsense")).isEqualTo("cursor-invalid");
        assertThat(problem("/api/v1/traffic/logs?from=2026-02-01T00:00:00&to=2026-01-01T00:00:00")).isEqualTo("range-empty");
        assertThat(problem("/api/v1/traffic/logs?from=2026-01-01T00:00:00&to=2026-03-01T00:00:00"))
                .isEqualTo("log-range-too-long");
        assertThat(problem("/api/v1/traffic/logs?from=yesterday")).isEqualTo("time-invalid");
        assertThat(problem("/api/v1/traffic/logs?statusClass=7")).isEqualTo("status-class-invalid");
        assertThat(problem("/api/v1/traffic/logs?export=pdf")).isEqualTo("export-format-invalid");
    }

    private String problem(String path) {
        Api.Response response = admin.get(path);
        assertThat(response.status()).as(path + " " + response.body()).isEqualTo(400);
        return response.json().get("code").asString();
    }

    @Test
    void readsWallTimesInTheHospitalZoneAndInstantsWithTheirOffset() {
        java.time.ZoneId zone = java.time.ZoneId.of("Asia/Shanghai");
        String wall = java.time.LocalDateTime.ofInstant(start, zone).withNano(0).toString();
        String offset = start.atZone(zone).toOffsetDateTime().withNano(0).toString();
        long byWall = admin.get("/api/v1/traffic/logs?from=" + wall).json().get("total").asLong();
        long byOffset = admin.get("/api/v1/traffic/logs?from=" + offset.replace("+", "%2B")).json().get("total").asLong();
        assertThat(byWall).isEqualTo(14).isEqualTo(byOffset);
    }

    @Test
    void filtersByStatusClassErrorCodeLatencyAndRequestId() {
        assertThat(admin.get("/api/v1/traffic/logs?statusClass=5&from=" + start).json().get("rows").size()).isEqualTo(4);
        JsonNode unsigned = admin.get("/api/v1/traffic/logs?errorCode=MEDOPS-AUTH-MISSING&from=" + start).json();
        assertThat(unsigned.get("rows").size()).isEqualTo(1);
        JsonNode slow = admin.get("/api/v1/traffic/logs?minLatencyMs=250&from=" + start).json().get("rows");
        assertThat(slow.findValuesAsString("path")).contains("/his/slow");
        slow.forEach(record -> assertThat(record.get("totalMicros").asLong()).isGreaterThanOrEqualTo(250_000));
        String id = unsigned.get("rows").get(0).get("requestId").asString();
        assertThat(admin.contentReader().get("/api/v1/traffic/logs/" + id).json().get("status").asInt()).isEqualTo(401);
        assertThat(admin.get("/api/v1/traffic/logs?channel=wechat&service=yb&from=" + start).json().get("total")
                .asLong()).isEqualTo(4);
    }

    @Test
    void exportsWhatTheQueryShowsAsCsvInTheHospitalZoneWithChineseHeadersAndAsExcel() throws Exception {
        Api.Download csv = admin.download("/api/v1/traffic/logs?service=yb&sort=time,asc&export=csv&from=" + start);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("attachment", "access-log", ".csv");
        List<List<String>> rows = Exports.csv(csv.body());
        assertThat(rows.get(0)).startsWith("时间", "请求 ID", "渠道", "服务", "方法", "路径", "状态码", "网关错误码");
        assertThat(rows).hasSize(1 + 4);
        JsonNode shown = admin.get("/api/v1/traffic/logs?service=yb&sort=time,asc&from=" + start).json().get("rows");
        String time = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssXXX").format(
                Instant.parse(shown.get(0).get("occurredAt").asString()).atZone(java.time.ZoneId.of("Asia/Shanghai")));
        assertThat(rows.get(1).get(0)).isEqualTo(time).endsWith("+08:00");
        assertThat(rows.get(1).get(1)).isEqualTo(shown.get(0).get("requestId").asString());
        assertThat(rows.stream().map(r -> r.get(7)).toList()).contains("MEDOPS-CIRCUIT-OPEN");
        assertThat(csv.body().length).as("no bodies in the export").isLessThan(4000);

        Api.Download english = admin.download("/api/v1/traffic/logs?service=yb&export=csv&lang=en&from=" + start);
        assertThat(english.status()).isEqualTo(200);
        assertThat(Exports.csv(english.body()).get(0)).contains("Time", "Request id", "Service").doesNotContain("时间");

        Api.Download xlsx = admin.download("/api/v1/traffic/logs?service=his&statusClass=5&export=xlsx&from=" + start);
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.contentType()).contains("spreadsheetml");
        assertThat(Exports.xlsxText(xlsx.body())).contains("时间", "状态码", "/his/fail").doesNotContain("/his/ok");

        assertThat(jdbc.sql("select count(*) from audit_records where action = 'access-log.export' and actor = 'admin'")
                .query(Long.class).single()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void theDashboardsErrorNumberIsTheTotalOfTheLogQueryItLinksTo() {
        JsonNode cards = admin.get("/api/v1/traffic/dashboard-cards").json();
        JsonNode errors = null;
        for (JsonNode card : cards) {
            if (card.get("label").asString().equals("dashboard.card.serverErrors")) {
                errors = card;
            }
        }
        assertThat(errors).as(cards.toString()).isNotNull();
        String link = errors.get("link").asString();
        assertThat(link).startsWith("/traffic/logs?statusClass=5&from=");
        assertThat(errors.get("count").asLong()).isEqualTo(4);
        assertThat(admin.get("/api/v1" + link).json().get("total").asLong()).isEqualTo(errors.get("count").asLong());
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
        Api.Download csv = admin.download("/api/v1/traffic/statistics/export?fromDate=" + today + "&toDate=" + today
                + "&granularity=HOUR&format=csv");
        assertThat(csv.status()).isEqualTo(200);
        List<List<String>> rows = Exports.csv(csv.body());
        assertThat(rows.get(0)).startsWith("服务", "时段", "调用次数", "失败次数");
        assertThat(rows.stream().skip(1).map(r -> r.get(0)).toList()).contains("his", "yb");
        assertThat(rows.get(1).get(1)).endsWith(":00:00+08:00");
        assertThat(jdbc.sql("select count(*) from audit_records where action = 'statistics.export'")
                .query(Long.class).single()).isPositive();
        Api.Response badRange = admin.get("/api/v1/traffic/statistics?fromDate=2026-02-01&toDate=2026-01-01");
        assertThat(badRange.status()).isEqualTo(400);
        assertThat(badRange.json().get("code").asString()).isEqualTo("range-invalid");
    }

    private int builtInServices() {
        return jdbc.sql("select count(*) from gateway_services where code in ('payment', 'publication')")
                .query(Integer.class).single();
    }

    private static JsonNode service(JsonNode services, String code) {
        for (JsonNode service : services) {
            if (service.get("service").asString().equals(code)) {
                return service;
            }
        }
        throw new AssertionError("no " + code + " in " + services);
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
        JsonNode his = service(services, "his");
        JsonNode yb = service(services, "yb");
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

    /** The log query in Chromium: a dashboard number into the list, paging, sorting, the pick-lists, export. */
    @Test
    void theLogQueryPagesSortsFiltersByNameAndExportsInTheBrowser() {
        try (Browser browser = Browser.open(port)) {
            browser.login("admin", MedopsTest.ADMIN_PASSWORD);
            browser.go("/dashboard").find("[data-card='dashboard.card.serverErrors']");
            long errors = Long.parseLong(browser.text("[data-card='dashboard.card.serverErrors'] [data-count]").strip());
            assertThat(errors).isEqualTo(4);
            browser.click("[data-card='dashboard.card.serverErrors']").waitForPath("/traffic/logs?");
            assertThat(logRows(browser)).hasSize((int) errors);
            assertThat(browser.text(".list-rows")).isEqualTo("本页 4 条，共 4 条");
            assertThat(browser.find("#statusClass option:checked").getText()).isEqualTo("5xx 服务端错误");

            browser.go("/traffic/logs?size=5&from=" + start);
            assertThat(browser.text(".list-rows")).isEqualTo("本页 5 条，共 14 条");
            List<String> firstPage = requestIds(browser);
            browser.click(".list-pager a[rel=next]");
            assertThat(browser.path()).contains("after=", "size=5");
            assertThat(requestIds(browser)).hasSize(5).doesNotContainAnyElementsOf(firstPage);
            browser.click(".list-pager a[rel=first]");
            assertThat(requestIds(browser)).isEqualTo(firstPage);

            browser.click("a[data-sort=time]");
            assertThat(browser.path()).contains("sort=time%2Casc").doesNotContain("after=");
            assertThat(browser.find("a[data-sort=time]").getText()).contains("▲");
            assertThat(requestIds(browser)).doesNotContainAnyElementsOf(firstPage);

            // Picked by its name 医保, sent as its code yb.
            browser.find("#service").findElements(org.openqa.selenium.By.tagName("option")).stream()
                    .filter(o -> o.getText().equals("医保")).findFirst().orElseThrow().click();
            browser.find("#channel").findElements(org.openqa.selenium.By.tagName("option")).stream()
                    .filter(o -> o.getText().equals("微信")).findFirst().orElseThrow().click();
            browser.click("#log-search");
            assertThat(browser.path()).contains("service=yb", "channel=wechat", "sort=time%2Casc");
            assertThat(browser.text(".list-rows")).isEqualTo("本页 4 条，共 4 条");
            assertThat(browser.text("#log-records")).contains("MEDOPS-CIRCUIT-OPEN").doesNotContain("/his/");
            browser.screenshot("34-log-query-filtered");

            String csv = browser.find(".export-csv").getAttribute("href");
            assertThat(csv).contains("service=yb", "export=csv");
            List<String> lines = browser.fetchLines(csv);
            assertThat(lines.get(0)).isEqualTo("200");
            assertThat(lines.get(1)).startsWith("时间,请求 ID,渠道,服务");
            assertThat(lines).hasSize(2 + 4);
            assertThat(lines.get(2)).contains("+08:00", "yb");
            assertThat(browser.status(browser.find(".export-xlsx").getAttribute("href"))).isEqualTo(200);

            browser.go("/traffic/logs?from=2026-02-01T00:00:00&to=2026-01-01T00:00:00");
            assertThat(browser.text("#problem")).contains("时间范围为空");
            browser.go("/traffic/logs?size=100&from=" + start + "&lang=en");
            assertThat(browser.text(".list-rows")).isEqualTo("14 rows on this page of 14");
            browser.scrollTo(".list-footer").screenshot("35-log-query-footer-en");
            browser.go("/traffic/logs?lang=zh-CN");
        }
    }

    private static List<org.openqa.selenium.WebElement> logRows(Browser browser) {
        return browser.find("#log-records tbody").findElements(org.openqa.selenium.By.cssSelector("tr"));
    }

    private static List<String> requestIds(Browser browser) {
        return logRows(browser).stream().map(r -> r.findElement(org.openqa.selenium.By.cssSelector("td:last-child"))
                .getText()).toList();
    }

    private Map<String, Long> counts(String sql) {
        return jdbc.sql(sql).query((rs, n) -> Map.entry(rs.getString("k"), rs.getLong("v"))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
