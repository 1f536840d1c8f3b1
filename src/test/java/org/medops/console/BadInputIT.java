package org.medops.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.medops.testing.Api;
import org.medops.testing.MedopsTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Bad input and small leaks, through the real console port: every refusal is a 4xx problem (or a readable
 * page), never a 500 or a misleading 409, and nothing answers more than the caller may know.
 */
@MedopsTest
class BadInputIT {

    private static final String PASSWORD = "Bad#Input-2026";
    /** A NUL character as JSON writes it. */
    private static final String NUL = "\\u0000";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Value("${medops.metrics.token}")
    String scrapeToken;

    private Api admin() {
        return new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 6);
    }

    private static void assertProblem(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).as(response.body()).startsWith("application/problem+json");
        assertThat(response.json().get("code").asString()).as(response.body()).isEqualTo(code);
        assertThat(response.json().get("detail").asString()).isNotBlank();
    }

    @Nested
    class ServiceTestHeaders {
        private Api.Response run(Api caller, String path, String headers) {
            String channel = path.contains("/portal/") ? "" : "\"channelCode\":\"any\",";
            return caller.post(path, "{" + channel + "\"method\":\"GET\",\"path\":\"/svc/x\",\"headers\":\""
                    + headers + "\"}");
        }

        @Test
        void refusesHeadersTheHttpClientCannotSendWithAMessageNamingThem() {
            Api admin = admin();
            for (String path : new String[] {"/api/v1/service-tests", "/api/v1/portal/service-tests"}) {
                Api caller = path.contains("/portal/") ? developer(admin) : admin;
                Api.Response expect = run(caller, path, "Expect: 100-continue");
                assertProblem(expect, 400, "service-test-header-hop");
                assertThat(expect.json().get("detail").asString()).contains("Expect");
                assertProblem(run(caller, path, "Upgrade: h2c"), 400, "service-test-header-hop");
                Api.Response spaced = run(caller, path, "Bad Name: x");
                assertProblem(spaced, 400, "service-test-header-name");
                assertThat(spaced.json().get("detail").asString()).contains("Bad Name");
                assertProblem(run(caller, path, "X-Ok: fine\\nno colon here"), 400, "service-test-header-line");
                Api.Response nul = run(caller, path, "X-Trace: a" + NUL + "b");
                assertProblem(nul, 400, "invalid-character");
                assertThat(nul.json().get("errors").get(0).get("field").asString()).isEqualTo("headers");
            }
        }

        @Test
        void theConsoleFormShowsTheRefusalOnThePage() throws Exception {
            Console console = new Console().login("admin", MedopsTest.ADMIN_PASSWORD);
            HttpResponse<String> page = console.post("/service-test", "channelCode=any&method=GET&path=/svc/x&headers="
                    + URLEncoder.encode("Expect: 100-continue", StandardCharsets.UTF_8), "/service-test");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("id=\"problem\"").contains("Expect");
        }

        private Api developer(Api admin) {
            String s = suffix();
            assertThat(admin.post("/api/v1/channels", "{\"code\":\"bi-" + s + "\",\"name\":\"渠道 " + s + "\"}").status())
                    .isEqualTo(201);
            Api.Response invited = admin.post("/api/v1/channels/bi-" + s + "/developers",
                    "{\"username\":\"bidev" + s + "\",\"displayName\":\"开发者\",\"email\":\"bidev" + s + "@partner.test\"}");
            assertThat(invited.status()).as(invited.body()).isEqualTo(201);
            String temporary = invited.json().get("temporaryPassword").asString();
            new Api(port).as("bidev" + s, temporary).post("/api/v1/account/password",
                    "{\"currentPassword\":\"" + temporary + "\",\"newPassword\":\"" + PASSWORD + "\"}");
            return new Api(port).as("bidev" + s, PASSWORD);
        }
    }

    @Nested
    class NulCharacters {
        @Test
        void aNulInAQueryIsA400ProblemOnTheApiAndAReadablePageOnTheConsole() throws Exception {
            Api.Response ledger = admin().get("/api/v1/opsdesk/ledger?q=%00");
            assertProblem(ledger, 400, "invalid-character");
            assertThat(ledger.json().get("errors").get(0).get("field").asString()).isEqualTo("q");

            Console console = new Console().login("admin", MedopsTest.ADMIN_PASSWORD);
            for (String page : new String[] {"/opsdesk/ledger?q=%00", "/opsdesk/tickets?q=%00"}) {
                HttpResponse<String> answer = console.get(page);
                assertThat(answer.statusCode()).as(page).isEqualTo(400);
                assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
                assertThat(answer.body()).as(page).contains("NUL").doesNotContain("Whitelabel");
            }
        }

        @Test
        void aNulInAJsonStringIsA400NamingTheFieldNotAConflict() {
            Api admin = admin();
            Api.Response user = admin.post("/api/v1/users", "{\"username\":\"nul" + suffix() + "\",\"displayName\":\"a"
                    + NUL + "b\",\"password\":\"Temp#Nul-2026-x\",\"roles\":[]}");
            assertProblem(user, 400, "invalid-character");
            assertThat(user.json().get("errors").get(0).get("field").asString()).isEqualTo("displayName");

            Api.Response roles = admin.post("/api/v1/users", "{\"username\":\"nul" + suffix()
                    + "\",\"displayName\":\"x\",\"password\":\"Temp#Nul-2026-x\",\"roles\":[\"READ" + NUL + "\"]}");
            assertProblem(roles, 400, "invalid-character");
            assertThat(roles.json().get("errors").get(0).get("field").asString()).isEqualTo("roles[0]");
        }

        @Test
        void theTokenEndpointRefusesANulAsMalformedInputBeforeAnyLoginAttempt() {
            long before = auditCount();
            Api.Response token = new Api(port).post("/api/v1/auth/token",
                    "{\"username\":\"ad" + NUL + "min\",\"password\":\"whatever\"}");
            assertProblem(token, 400, "invalid-character");
            assertThat(auditCount()).as("a malformed request is not a sign-in attempt").isEqualTo(before);
        }

        @Test
        void theErrorPageAskedForDirectlyIsNotFoundNotA500() throws Exception {
            HttpResponse<String> json = raw("/error", "application/json");
            assertThat(json.statusCode()).isEqualTo(404);
            assertThat(json.body()).doesNotContain("999");
            assertThat(raw("/error", "text/html").statusCode()).isEqualTo(404);
        }
    }

    @Nested
    class Anonymous {
        @Test
        void writesWithoutCredentialsAre401ProblemsNot403() throws Exception {
            for (String method : new String[] {"POST", "PUT", "DELETE"}) {
                HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create("http://localhost:" + port + "/api/v1/users/1"))
                        .method(method, HttpRequest.BodyPublishers.ofString("{}"))
                        .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).as(method).isEqualTo(401);
                assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
                assertThat(answer.headers().firstValue("WWW-Authenticate").orElse("")).isEqualTo("Bearer");
                assertThat(answer.body()).contains("\"code\":\"unauthenticated\"");
            }
        }

        @Test
        void manyAnonymousRefusalsWriteOnlyAFewAuditRecords() {
            Instant start = Instant.now();
            Api nobody = new Api(port);
            for (int i = 0; i < 60; i++) {
                assertThat(nobody.post("/api/v1/users", "{}").status()).isEqualTo(401);
            }
            long written = jdbc.sql("""
                            select count(*) from audit_records
                            where actor = 'anonymous' and action = 'access.denied' and occurred_at >= ?""")
                    .param(java.sql.Timestamp.from(start)).query(Long.class).single();
            // at most 10 per client IP and minute; the run may straddle one minute boundary
            assertThat(written).isBetween(1L, 20L);
        }
    }

    @Nested
    class PermissionBeforeValidation {
        @Test
        void aCallerWithoutThePermissionGets403EvenForAnInvalidBody() {
            Api reader = admin().newUser("ro" + suffix(), "只读", PASSWORD, "READ_ONLY");
            Api.Response invalid = reader.post("/api/v1/users", "{\"username\":\"\"}");
            assertProblem(invalid, 403, "forbidden");
            assertThat(invalid.body()).doesNotContain("errors");
            Api.Response unreadable = reader.post("/api/v1/users", "not json");
            assertProblem(unreadable, 403, "forbidden");
            assertProblem(admin().post("/api/v1/users", "{\"username\":\"\"}"), 400, "validation");
        }
    }

    @Nested
    class MediaTypes {
        @Test
        void attachmentsGivenTheWrongContentTypeAnswer415ProblemDetails() {
            Api admin = admin();
            for (String path : new String[] {"/api/v1/opsdesk/tickets/1/attachments",
                    "/api/v1/access-applications/1/attachments"}) {
                Api.Response answer = admin.post(path, "{\"file\":\"x\"}");
                assertProblem(answer, 415, "unsupported-media-type");
                assertThat(answer.json().get("detail").asString()).contains("multipart/form-data");
            }
        }

        @Test
        void anAnswerTypeNoEndpointOffersIs406ProblemDetails() throws Exception {
            String token = new Api(port).post("/api/v1/auth/token",
                    "{\"username\":\"admin\",\"password\":\"" + MedopsTest.ADMIN_PASSWORD + "\"}").json().get("token").asString();
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/api/v1/users")).header("Accept", "image/png")
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(406);
            assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(answer.body()).contains("\"code\":\"not-acceptable\"");
        }
    }

    @Nested
    class Metrics {
        @Test
        void prometheusNeedsTheScrapeTokenOrThePermission() throws Exception {
            assertProblem(new Api(port).get("/actuator/prometheus"), 401, "unauthenticated");
            HttpResponse<String> scraped = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/actuator/prometheus"))
                    .header("Authorization", "Bearer " + scrapeToken).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(scraped.statusCode()).isEqualTo(200);
            assertThat(scraped.body()).contains("jvm_memory_used_bytes");
            HttpResponse<String> wrong = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/actuator/prometheus"))
                    .header("Authorization", "Bearer " + scrapeToken + "x").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(wrong.statusCode()).isEqualTo(401);

            Api admin = admin();
            assertThat(admin.newUser("mon" + suffix(), "监控", PASSWORD, "READ_ONLY").get("/actuator/prometheus").status())
                    .as("gateway:node:read may read the metrics").isEqualTo(200);
            assertProblem(admin.newUser("hs" + suffix(), "院方", PASSWORD, "HOSPITAL_STAFF").get("/actuator/prometheus"),
                    403, "forbidden");
        }
    }

    @Nested
    class NotifyTargets {
        @Test
        void robotTokensAreMaskedForReadersAndShownToEditors() throws Exception {
            Api admin = admin();
            String token = "a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6";
            String name = "钉钉 " + suffix();
            Api.Response created = admin.post("/api/v1/notify/targets", "{\"name\":\"" + name
                    + "\",\"kind\":\"DINGTALK\",\"address\":\"https://oapi.dingtalk.com/robot/send?access_token=" + token + "\"}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            assertThat(created.json().get("address").asString()).contains(token);

            String reader = "nr" + suffix();
            Api readOnly = admin.newUser(reader, "只读", PASSWORD, "READ_ONLY");
            JsonNode shown = find(readOnly.get("/api/v1/notify/targets").json(), name);
            assertThat(shown.get("address").asString()).isEqualTo("https://oapi.dingtalk.com/robot/send?access_token=a1b2****");
            assertThat(find(admin.get("/api/v1/notify/targets").json(), name).get("address").asString()).contains(token);

            HttpResponse<String> page = new Console().login(reader, PASSWORD).get("/notify/targets");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("access_token=a1b2****").doesNotContain(token);
            assertThat(jdbc.sql("select count(*) from audit_records where details like ?").param("%" + token + "%")
                    .query(Long.class).single()).as("nor does the trail keep it").isZero();
        }

        private JsonNode find(JsonNode targets, String name) {
            for (JsonNode target : targets) {
                if (name.equals(target.get("name").asString())) {
                    return target;
                }
            }
            throw new AssertionError("no target " + name + " in " + targets);
        }
    }

    @Nested
    class IdentityForms {
        private String enc(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }

        @Test
        void theRoleFormIsCheckedByTheRecordTheApiBinds() throws Exception {
            Api security = admin().securityAdmin();
            String code = ("R_" + suffix()).toUpperCase().replace('-', '_');
            assertThat(security.post("/api/v1/roles", "{\"code\":\"" + code
                    + "\",\"name\":\"表单\",\"permissions\":[\"audit:read\"]}").status()).isEqualTo(201);
            Console console = new Console().login(Api.SECURITY_FIXTURE, Api.FIXTURE_PASSWORD);
            String page = "/roles/" + code;

            HttpResponse<String> refused = console.post(page, "name=" + enc("长".repeat(129)) + "&_permissions=on", page);
            assertThat(refused.statusCode()).isEqualTo(200);
            assertThat(refused.body()).contains("id=\"problem\"").contains("请检查角色的名称、说明和权限").contains("名称：");
            assertThat(security.get("/api/v1/roles/" + code).json().get("name").asString()).isEqualTo("表单");

            HttpResponse<String> cleared = console.post(page, "name=" + enc("改名") + "&description=&_permissions=on", page);
            assertThat(cleared.body()).doesNotContain("id=\"problem\"");
            JsonNode saved = security.get("/api/v1/roles/" + code).json();
            assertThat(saved.get("name").asString()).isEqualTo("改名");
            assertThat(saved.get("permissions").isEmpty()).as("every box unchecked saves no permission").isTrue();
        }

        @Test
        void theRejectReasonIsCheckedByTheRecordTheApiBinds() throws Exception {
            String auditor = "ba" + suffix();
            admin().newUser(auditor, "测试", PASSWORD, "AUDIT_ADMIN");
            Api.Response proposed = admin().post("/api/v1/users/" + auditor + "/disable", "{}");
            assertThat(proposed.status()).as(proposed.body()).isEqualTo(202);
            long id = proposed.json().get("request").get("id").asLong();
            Api security = admin().securityAdmin();
            String page = "/account-requests/" + id;

            HttpResponse<String> refused = new Console().login(Api.SECURITY_FIXTURE, Api.FIXTURE_PASSWORD)
                    .post(page + "/reject", "reason=" + "x".repeat(600), page);
            assertThat(refused.statusCode()).isEqualTo(200);
            assertThat(refused.body()).contains("id=\"problem\"").contains("请检查原因").contains("原因：");
            assertThat(security.get("/api/v1/account-requests/" + id).json().get("status").asString()).isEqualTo("PENDING");
            assertProblem(security.post("/api/v1/account-requests/" + id + "/reject",
                    "{\"reason\":\"" + "x".repeat(600) + "\"}"), 400, "validation");
        }
    }

    private long auditCount() {
        return jdbc.sql("select count(*) from audit_records").query(Long.class).single();
    }

    private HttpResponse<String> raw(String path, String accept) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", accept).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A browser-like console session: cookies, form login, CSRF tokens taken from the pages. */
    private final class Console {
        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(5)).build();

        Console login(String username, String password) throws Exception {
            HttpResponse<String> answer = post("/login", "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                    + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8), "/login");
            assertThat(answer.uri().getPath()).as("signed in").isNotEqualTo("/login");
            return this;
        }

        HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        }

        /** Posts a form with the CSRF token of {@code formPage}. */
        HttpResponse<String> post(String path, String form, String formPage) throws Exception {
            Matcher csrf = CSRF.matcher(get(formPage).body());
            assertThat(csrf.find()).as("CSRF token on " + formPage).isTrue();
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                    .POST(HttpRequest.BodyPublishers.ofString(form + "&_csrf=" + URLEncoder.encode(csrf.group(1),
                            StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
