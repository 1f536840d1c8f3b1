package org.medops.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medops.testing.Api;
import org.medops.testing.MedopsTest;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every console page that shows one record, asked for a record that does not exist, answers a 404 page in
 * the user's language with a link back to its list, never a 500 or a stack trace; a reversed date range is
 * a message on the form; the API names the missing record in words.
 */
@MedopsTest
class NotFoundIT {

    private static final String PASSWORD = "Not#Found-2026";

    /** Each {@code /{id}} GET route of the console's page controllers, an unknown id, and its list. */
    private static final List<Route> ADMIN_ROUTES = List.of(
            new Route("/roles/NOPE", "角色", "/roles"),
            new Route("/users/nope", "用户", "/users"),
            new Route("/account-requests/999999", "账号申请", "/account-requests"),
            new Route("/opsdesk/tickets/99999", "工单", "/opsdesk/tickets"),
            new Route("/opsdesk/tickets/99999/confirmation", "工单", "/opsdesk/tickets"),
            new Route("/opsdesk/tickets/99999/confirmation.pdf", "工单", "/opsdesk/tickets"),
            new Route("/opsdesk/requirements/999999", "需求", "/opsdesk/requirements"),
            new Route("/opsdesk/defects/999999", "缺陷", "/opsdesk/defects"),
            new Route("/opsdesk/changes/999999", "变更", "/opsdesk/changes"),
            new Route("/catalog/services/nope", "服务", "/catalog/services"),
            new Route("/catalog/channels/nope", "渠道", "/catalog/channels"));

    @LocalServerPort
    int port;

    private ListAppender<ILoggingEvent> log;

    @BeforeEach
    void watchTheLog() {
        log = new ListAppender<>();
        log.start();
        root().addAppender(log);
    }

    @AfterEach
    void stopWatching() {
        root().detachAppender(log);
    }

    @Test
    void everyDetailPageAnswersA404PageInChineseWithALinkToItsList() throws Exception {
        Console admin = new Console().login("admin", MedopsTest.ADMIN_PASSWORD);
        for (Route route : ADMIN_ROUTES) {
            assertNotFoundPage(admin.get(route.path()), route);
        }
        assertNoStackTraceLogged();
    }

    /** A call's captured bodies are content: the engineer with the data right asks, the administrator gets 403. */
    @Test
    void theCallLogPageForTheEngineerWithTheDataRight() throws Exception {
        new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD).contentReader();
        Console engineer = new Console().login(Api.CONTENT_FIXTURE, Api.FIXTURE_PASSWORD);
        assertNotFoundPage(engineer.get("/traffic/logs/nope"), new Route("/traffic/logs/nope", "调用记录", "/traffic/logs"));
        assertThat(new Console().login("admin", MedopsTest.ADMIN_PASSWORD).get("/traffic/logs/nope").statusCode())
                .isEqualTo(403);
        assertNoStackTraceLogged();
    }

    @Test
    void theDeveloperPortalsApiPageToo() throws Exception {
        String developer = developer();
        Console console = new Console().login(developer, PASSWORD);
        assertNotFoundPage(console.get("/portal/apis/nope"), new Route("/portal/apis/nope", "服务", "/portal/apis"));
        assertNoStackTraceLogged();
    }

    @Test
    void inEnglishWhenTheUserChoseEnglish() throws Exception {
        Console admin = new Console().login("admin", MedopsTest.ADMIN_PASSWORD);
        HttpResponse<String> page = admin.get("/opsdesk/tickets/99999?lang=en");
        assertThat(page.statusCode()).as(page.body()).isEqualTo(404);
        assertThat(page.body()).contains("Not found: ticket 99999.", "Back to the list", "href=\"/opsdesk/tickets\"")
                .doesNotContain("未找到");
    }

    @Test
    void aReversedRangeIsAMessageOnTheForm() throws Exception {
        Console admin = new Console().login("admin", MedopsTest.ADMIN_PASSWORD);
        HttpResponse<String> statistics = admin.get("/traffic/statistics?fromDate=2026-02-01&toDate=2026-01-01");
        assertThat(statistics.statusCode()).as(statistics.body()).isEqualTo(400);
        assertThat(statistics.body()).contains("id=\"stats-filter\"", "id=\"problem\"", "日期范围无效")
                .contains("value=\"2026-02-01\"", "value=\"2026-01-01\"");

        HttpResponse<String> reports = admin.get("/opsdesk/reports?from=2026-02-01&to=2026-01-01");
        assertThat(reports.statusCode()).as(reports.body()).isEqualTo(400);
        assertThat(reports.body()).contains("id=\"report-period\"", "id=\"problem\"", "统计期间无效")
                .contains("value=\"2026-02-01\"", "value=\"2026-01-01\"");
        assertNoStackTraceLogged();
    }

    @Test
    void theApiAnswersAReversedRangeWithA400Problem() {
        Api admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        assertProblem(admin.get("/api/v1/traffic/statistics?fromDate=2026-02-01&toDate=2026-01-01"), 400, "range-invalid");
        assertProblem(admin.get("/api/v1/opsdesk/reports/sla?from=2026-02-01&to=2026-01-01"), 400, "period-invalid");
    }

    @Test
    void theApiNamesTheMissingRecordInWordsAndItsIdUngrouped() {
        Api.Response ticket = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD).get("/api/v1/opsdesk/tickets/99999");
        assertProblem(ticket, 404, "not-found");
        assertThat(ticket.json().get("detail").asString()).isEqualTo("未找到工单：99999").doesNotContain("ticket", "99,999");
    }

    private static void assertNotFoundPage(HttpResponse<String> page, Route route) {
        assertThat(page.statusCode()).as(route.path() + "\n" + page.body()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).as(route.path()).startsWith("text/html");
        assertThat(page.body()).as(route.path())
                .contains("lang=\"zh-CN\"", "页面不存在", "未找到" + route.noun() + "：")
                .contains("id=\"back\"", "href=\"" + route.list() + "\"", "返回列表")
                .doesNotContain("出错了", "Exception");
    }

    private static void assertProblem(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).as(response.body()).startsWith("application/problem+json");
        assertThat(response.json().get("code").asString()).as(response.body()).isEqualTo(code);
    }

    /** What the request threads logged: a refusal is expected, so nothing at WARN or above and no stack trace. */
    private void assertNoStackTraceLogged() {
        assertThat(log.list.stream()
                .filter(event -> event.getThreadName().startsWith("http-nio"))
                .filter(event -> event.getThrowableProxy() != null || event.getLevel().isGreaterOrEqual(Level.WARN))
                .map(event -> event.getLevel() + " " + event.getLoggerName() + ": " + event.getFormattedMessage()))
                .isEmpty();
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    /** A developer of a fresh channel, password already changed. */
    private String developer() {
        Api admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        String s = UUID.randomUUID().toString().substring(0, 6);
        assertThat(admin.post("/api/v1/channels", "{\"code\":\"nf-" + s + "\",\"name\":\"渠道 " + s + "\"}").status())
                .isEqualTo(201);
        Api.Response invited = admin.post("/api/v1/channels/nf-" + s + "/developers",
                "{\"username\":\"nfdev" + s + "\",\"displayName\":\"开发者\",\"email\":\"nfdev" + s + "@partner.test\"}");
        assertThat(invited.status()).as(invited.body()).isEqualTo(201);
        String temporary = invited.json().get("temporaryPassword").asString();
        new Api(port).as("nfdev" + s, temporary).post("/api/v1/account/password",
                "{\"currentPassword\":\"" + temporary + "\",\"newPassword\":\"" + PASSWORD + "\"}");
        return "nfdev" + s;
    }

    private record Route(String path, String noun, String list) {
    }

    /** A browser's session: cookies kept, redirects followed, forms posted with their CSRF token. */
    private final class Console {
        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(5)).build();

        Console login(String username, String password) throws Exception {
            Matcher csrf = CSRF.matcher(get("/login").body());
            assertThat(csrf.find()).as("CSRF token on the sign-in page").isTrue();
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                            + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                            + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.uri().getPath()).as("signed in").isNotEqualTo("/login");
            return this;
        }

        HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
