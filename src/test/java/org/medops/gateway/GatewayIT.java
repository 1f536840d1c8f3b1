package org.medops.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.medops.catalog.Catalog;
import org.medops.testing.Api;
import org.medops.testing.MedopsTest;
import org.medops.testing.SignedClient;
import org.medops.testing.SignedClient.Reply;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Real HTTP through the gateway port to WireMock upstreams, configured through the real API. */
@MedopsTest
class GatewayIT {

    static WireMockServer upstream = new WireMockServer(options().dynamicPort());

    @LocalServerPort
    int consolePort;

    @Autowired
    GatewayServer gateway;

    @Autowired
    Catalog catalog;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void startUpstream() {
        upstream.start();
        upstream.stubFor(get(urlPathMatching("/his/.*")).willReturn(okJson("{\"patient\":\"张三\",\"ok\":true}")));
        upstream.stubFor(post(urlPathMatching("/his/.*")).willReturn(okJson("{\"created\":true}")));
    }

    @AfterAll
    static void stopUpstream() {
        upstream.stop();
    }

    private Api admin() {
        return new Api(consolePort).as("admin", MedopsTest.ADMIN_PASSWORD);
    }

    /** A service, a channel and (optionally) a grant, live on the gateway before this returns. */
    private Fixture fixture(String serviceExtra, String channelExtra, boolean grant) {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String service = "svc-" + suffix;
        String channel = "ch-" + suffix;
        Api admin = admin();
        Api.Response created = admin.post("/api/v1/services", """
                {"code":"%s","name":"HIS 患者服务","upstreamUrl":"%s","pathRewrite":"/his"%s}"""
                .formatted(service, upstream.baseUrl(), serviceExtra));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Api.Response issued = admin.post("/api/v1/channels", """
                {"code":"%s","name":"微信小程序"%s}""".formatted(channel, channelExtra));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        if (grant) {
            assertThat(admin.post("/api/v1/channels/" + channel + "/grants",
                    "{\"serviceCode\":\"" + service + "\"}").status()).isEqualTo(201);
        }
        awaitApplied();
        JsonNode credentials = issued.json();
        return new Fixture(service, channel, credentials.get("appKey").asString(), credentials.get("appSecret").asString(),
                new SignedClient(gateway.port(), credentials.get("appKey").asString(),
                        credentials.get("appSecret").asString()));
    }

    private void awaitApplied() {
        long version = catalog.currentVersion();
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(10))
                .until(() -> gateway.feed().current().version() >= version);
    }

    record Fixture(String service, String channel, String appKey, String secret, SignedClient client) {
    }

    @Nested
    class Proxying {
        @Test
        void proxiesASignedCallAndPassesTheRequestIdBothWays() {
            Fixture f = fixture("", "", true);
            Reply reply = f.client().call("GET", "/" + f.service() + "/patients/42?visit=7", new byte[0],
                    List.of("X-Request-Id", "trace-abc-123"));
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.body()).contains("张三");
            assertThat(reply.requestId()).isEqualTo("trace-abc-123");
            upstream.verify(getRequestedFor(urlPathEqualTo("/his/patients/42"))
                    .withQueryParam("visit", equalTo("7"))
                    .withHeader("X-Request-Id", equalTo("trace-abc-123"))
                    .withHeader("X-MedOps-Channel", equalTo(f.channel())));
        }

        @Test
        void generatesARequestIdWhenTheCallerSendsNone() {
            Fixture f = fixture("", "", true);
            Reply reply = f.client().get("/" + f.service() + "/patients/1");
            assertThat(reply.requestId()).matches("[0-9a-f-]{36}");
        }

        @Test
        void forwardsAPostBody() {
            Fixture f = fixture("", "", true);
            Reply reply = f.client().post("/" + f.service() + "/registrations", "{\"dept\":\"心内科\"}");
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.body()).contains("created");
        }
    }

    @Nested
    class Signatures {
        @Test
        void acceptsQueryParametersInAnyOrderAndEncoding() {
            Fixture f = fixture("", "", true);
            assertThat(f.client().get("/" + f.service() + "/q?b=2&a=1&a=0").status()).isEqualTo(200);
            assertThat(f.client().get("/" + f.service() + "/q?name=%E5%BC%A0%E4%B8%89&note=a%20b&plus=1+1").status())
                    .isEqualTo(200);
            assertThat(f.client().get("/" + f.service() + "/q?flag&empty=").status()).isEqualTo(200);
        }

        @Test
        void acceptsAnEmptyAndALargeBody() {
            Fixture f = fixture("", "", true);
            assertThat(f.client().call("POST", "/" + f.service() + "/empty", new byte[0], List.of()).status())
                    .isEqualTo(200);
            byte[] large = "患".repeat(200_000).getBytes(StandardCharsets.UTF_8);
            assertThat(f.client().call("POST", "/" + f.service() + "/large", large, List.of()).status()).isEqualTo(200);
        }

        @Test
        void refusesMissingHeaders() {
            Fixture f = fixture("", "", true);
            Reply reply = SignedClient.exchange(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + gateway.port() + "/" + f.service() + "/x")).build());
            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.code()).isEqualTo("MEDOPS-AUTH-MISSING");
            assertThat(reply.json().get("requestId").asString()).isEqualTo(reply.requestId());
        }

        @Test
        void refusesATamperedQueryOrAWrongSecret() {
            Fixture f = fixture("", "", true);
            SignedClient impostor = new SignedClient(gateway.port(), f.appKey(), "not-the-secret");
            assertThat(impostor.get("/" + f.service() + "/x").code()).isEqualTo("MEDOPS-AUTH-SIGNATURE");
            SignedClient unknown = new SignedClient(gateway.port(), "ak-unknown", f.secret());
            assertThat(unknown.get("/" + f.service() + "/x").code()).isEqualTo("MEDOPS-AUTH-SIGNATURE");
        }

        @Test
        void refusesAStaleTimestampAndAReplayedNonce() {
            Fixture f = fixture("", "", true);
            String stale = Long.toString(System.currentTimeMillis() - 301_000);
            assertThat(f.client().send("GET", "/" + f.service() + "/x", new byte[0], stale,
                    "nonce-0123456789abcdef", List.of()).code()).isEqualTo("MEDOPS-AUTH-EXPIRED");

            String now = Long.toString(System.currentTimeMillis());
            String nonce = "nonce-" + UUID.randomUUID();
            assertThat(f.client().send("GET", "/" + f.service() + "/x", new byte[0], now, nonce, List.of()).status())
                    .isEqualTo(200);
            Reply replay = f.client().send("GET", "/" + f.service() + "/x", new byte[0], now, nonce, List.of());
            assertThat(replay.status()).isEqualTo(401);
            assertThat(replay.code()).isEqualTo("MEDOPS-AUTH-REPLAY");
        }

        @Test
        void refusesDotSegmentsThatCouldLeaveTheGrantedService() {
            Fixture f = fixture("", "", true);
            for (String path : List.of("/" + f.service() + "/../lis/reports", "/" + f.service() + "/%2e%2e/lis",
                    "/" + f.service() + "/a/./b")) {
                Reply reply = f.client().get(path);
                assertThat(reply.status()).as(path).isEqualTo(400);
                assertThat(reply.code()).isEqualTo("MEDOPS-BAD-PATH");
            }
        }

        @Test
        void refusesAnUnknownMethod() {
            Fixture f = fixture("", "", true);
            Reply reply = f.client().call("VERYLONGMETHOD", "/" + f.service() + "/x", new byte[0], List.of());
            assertThat(reply.status()).isEqualTo(405);
            assertThat(reply.code()).isEqualTo("MEDOPS-METHOD-NOT-ALLOWED");
        }

        @Test
        void refusesATooShortNonce() {
            Fixture f = fixture("", "", true);
            assertThat(f.client().send("GET", "/" + f.service() + "/x", new byte[0],
                    Long.toString(System.currentTimeMillis()), "short", List.of()).code()).isEqualTo("MEDOPS-AUTH-MISSING");
        }

        @Test
        void keepsTheOldSecretDuringARotationsOverlapAndNothingAfterRevocation() {
            Fixture f = fixture("", "", true);
            JsonNode rotated = admin().post("/api/v1/channels/" + f.channel() + "/secret/rotate",
                    "{\"overlapMinutes\":5}").json();
            awaitApplied();
            SignedClient fresh = new SignedClient(gateway.port(), f.appKey(), rotated.get("appSecret").asString());
            assertThat(fresh.get("/" + f.service() + "/x").status()).isEqualTo(200);
            assertThat(f.client().get("/" + f.service() + "/x").status()).isEqualTo(200);

            assertThat(admin().post("/api/v1/channels/" + f.channel() + "/secret/revoke", "{}").status()).isEqualTo(204);
            awaitApplied();
            assertThat(fresh.get("/" + f.service() + "/x").code()).isEqualTo("MEDOPS-AUTH-SIGNATURE");
            assertThat(f.client().get("/" + f.service() + "/x").code()).isEqualTo("MEDOPS-AUTH-SIGNATURE");
        }
    }

    @Nested
    class Access {
        @Test
        void refusesAChannelWithoutAGrantAndAppliesGrantAndRevocationLive() {
            Fixture f = fixture("", "", false);
            assertThat(f.client().get("/" + f.service() + "/x").code()).isEqualTo("MEDOPS-ACCESS-DENIED");

            admin().post("/api/v1/channels/" + f.channel() + "/grants", "{\"serviceCode\":\"" + f.service() + "\"}");
            await().atMost(Duration.ofSeconds(1)).until(() -> f.client().get("/" + f.service() + "/x").status() == 200);

            assertThat(new Api(consolePort).as("admin", MedopsTest.ADMIN_PASSWORD)
                    .delete("/api/v1/channels/" + f.channel() + "/grants/" + f.service()).status()).isEqualTo(204);
            await().atMost(Duration.ofSeconds(1))
                    .until(() -> "MEDOPS-ACCESS-DENIED".equals(f.client().get("/" + f.service() + "/x").code()));
        }

        @Test
        void refusesADisabledChannel() {
            Fixture f = fixture("", ",\"enabled\":false", true);
            assertThat(f.client().get("/" + f.service() + "/x").code()).isEqualTo("MEDOPS-ACCESS-DENIED");
        }

        @Test
        void refusesAnAddressOutsideTheAllowList() {
            Fixture f = fixture("", ",\"ipAllowList\":[\"10.20.0.0/16\"]", true);
            assertThat(f.client().get("/" + f.service() + "/x").code()).isEqualTo("MEDOPS-ACCESS-DENIED");
            Fixture local = fixture("", ",\"ipAllowList\":[\"127.0.0.0/8\",\"::1\"]", true);
            assertThat(local.client().get("/" + local.service() + "/x").status()).isEqualTo(200);
        }

        @Test
        void answersAnUnknownServiceWith404() {
            Fixture f = fixture("", "", true);
            Reply reply = f.client().get("/no-such-service/x");
            assertThat(reply.status()).isEqualTo(404);
            assertThat(reply.code()).isEqualTo("MEDOPS-SERVICE-NOT-FOUND");
        }

        @Test
        void refusesABodyOverTheLimit() {
            Fixture f = fixture("", "", true);
            byte[] tooLarge = new byte[(int) gatewaySettingsMaxBody() + 1];
            Reply reply = f.client().call("POST", "/" + f.service() + "/upload", tooLarge, List.of());
            assertThat(reply.status()).isEqualTo(413);
            assertThat(reply.code()).isEqualTo("MEDOPS-BODY-TOO-LARGE");
        }

        private long gatewaySettingsMaxBody() {
            return 1_048_576;
        }

        @Test
        void limitsAChannelsRateWithRetryAfter() {
            Fixture f = fixture("", ",\"quotaPerSecond\":3", true);
            Reply limited = null;
            for (int i = 0; i < 10 && limited == null; i++) {
                Reply reply = f.client().get("/" + f.service() + "/x");
                if (reply.status() == 429) {
                    limited = reply;
                }
            }
            assertThat(limited).as("a call over 3/s is refused").isNotNull();
            assertThat(limited.code()).isEqualTo("MEDOPS-RATE-LIMITED");
            assertThat(limited.retryAfter()).isEqualTo("1");
        }

        @Test
        void enforcesTheDailyQuota() {
            Fixture f = fixture("", ",\"quotaPerDay\":2", true);
            assertThat(f.client().get("/" + f.service() + "/x").status()).isEqualTo(200);
            assertThat(f.client().get("/" + f.service() + "/x").status()).isEqualTo(200);
            Reply third = f.client().get("/" + f.service() + "/x");
            assertThat(third.status()).isEqualTo(429);
            assertThat(third.code()).isEqualTo("MEDOPS-QUOTA-EXCEEDED");
            assertThat(Long.parseLong(third.retryAfter())).isPositive();
        }
    }

    @Nested
    class Upstreams {
        @Test
        void answers502WhenTheUpstreamRefusesConnections() throws Exception {
            int closedPort;
            try (ServerSocket socket = new ServerSocket(0)) {
                closedPort = socket.getLocalPort();
            }
            Fixture f = fixture(",\"upstreamUrls\":[\"http://127.0.0.1:" + closedPort + "\"]", "", true);
            Reply reply = f.client().get("/" + f.service() + "/x");
            assertThat(reply.status()).isEqualTo(502);
            assertThat(reply.code()).isEqualTo("MEDOPS-UPSTREAM-UNAVAILABLE");
        }

        @Test
        void answers504WhenTheUpstreamIsTooSlow() {
            upstream.stubFor(get(urlPathEqualTo("/his/slow")).willReturn(okJson("{}").withFixedDelay(1500)));
            Fixture f = fixture(",\"readTimeoutMs\":300", "", true);
            Reply reply = f.client().get("/" + f.service() + "/slow");
            assertThat(reply.status()).isEqualTo(504);
            assertThat(reply.code()).isEqualTo("MEDOPS-UPSTREAM-TIMEOUT");
        }

        @Test
        void retriesAnIdempotentCallOnTheNextUpstream() throws Exception {
            int closedPort;
            try (ServerSocket socket = new ServerSocket(0)) {
                closedPort = socket.getLocalPort();
            }
            Fixture f = fixture(",\"upstreamUrls\":[\"http://127.0.0.1:" + closedPort + "\",\"" + upstream.baseUrl()
                    + "\"],\"retries\":1", "", true);
            for (int i = 0; i < 4; i++) {
                assertThat(f.client().get("/" + f.service() + "/x").status()).isEqualTo(200);
            }
        }

        @Test
        void opensTheBreakerServesTheFallbackAndRecoversThroughHalfOpen() {
            String path = "/his/flaky-" + UUID.randomUUID().toString().substring(0, 4);
            upstream.stubFor(get(urlPathEqualTo(path)).willReturn(aResponse().withStatus(500)));
            Fixture f = fixture("""
                    ,"breaker":{"failureRatePercent":50,"slowCallRatePercent":100,"slowCallMillis":5000,
                      "windowSize":4,"minimumCalls":4,"openSeconds":1},
                    "fallback":{"status":200,"contentType":"application/json","body":"{\\"degraded\\":true}"}""", "", true);
            String call = "/" + f.service() + path.substring(4);
            for (int i = 0; i < 4; i++) {
                assertThat(f.client().get(call).status()).isEqualTo(500);
            }
            Reply fallback = f.client().get(call);
            assertThat(fallback.status()).isEqualTo(200);
            assertThat(fallback.body()).isEqualTo("{\"degraded\":true}");
            assertThat(fallback.fallback()).isEqualTo("circuit-open");
            assertThat(gateway.feed().current().service(f.service()).breaker().getState().name()).isEqualTo("OPEN");

            upstream.stubFor(get(urlPathEqualTo(path)).willReturn(okJson("{\"recovered\":true}")));
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200))
                    .until(() -> f.client().get(call).body().contains("recovered"));
            await().atMost(Duration.ofSeconds(5)).until(() -> {
                f.client().get(call);
                return gateway.feed().current().service(f.service()).breaker().getState().name().equals("CLOSED");
            });
        }

        @Test
        void finishesARequestInFlightWhileTheConfigurationChanges() throws Exception {
            upstream.stubFor(get(urlPathEqualTo("/his/long")).willReturn(okJson("{\"done\":true}").withFixedDelay(800)));
            Fixture f = fixture("", "", true);
            java.util.concurrent.CompletableFuture<Reply> inFlight = java.util.concurrent.CompletableFuture
                    .supplyAsync(() -> f.client().get("/" + f.service() + "/long"));
            Thread.sleep(200);
            fixture("", "", true);
            assertThat(admin().post("/api/v1/services/" + f.service() + "/offline", "{}").status()).isEqualTo(200);
            awaitApplied();
            Reply reply = inFlight.get(5, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.body()).contains("done");
            assertThat(f.client().get("/" + f.service() + "/long").code()).isEqualTo("MEDOPS-SERVICE-OFFLINE");
        }

        @Test
        void answers503WhenTheBreakerIsOpenWithoutFallback() {
            String path = "/his/down-" + UUID.randomUUID().toString().substring(0, 4);
            upstream.stubFor(get(urlPathEqualTo(path)).willReturn(aResponse().withStatus(503)));
            Fixture f = fixture("""
                    ,"breaker":{"failureRatePercent":50,"slowCallRatePercent":100,"slowCallMillis":5000,
                      "windowSize":2,"minimumCalls":2,"openSeconds":30}""", "", true);
            String call = "/" + f.service() + path.substring(4);
            f.client().get(call);
            f.client().get(call);
            Reply open = f.client().get(call);
            assertThat(open.status()).isEqualTo(503);
            assertThat(open.code()).isEqualTo("MEDOPS-CIRCUIT-OPEN");
        }

        @Test
        void keepsTheBreakerStateWhenAnotherServiceChanges() {
            String path = "/his/keep-" + UUID.randomUUID().toString().substring(0, 4);
            upstream.stubFor(get(urlPathEqualTo(path)).willReturn(aResponse().withStatus(500)));
            Fixture f = fixture("""
                    ,"breaker":{"failureRatePercent":50,"slowCallRatePercent":100,"slowCallMillis":5000,
                      "windowSize":2,"minimumCalls":2,"openSeconds":30}""", "", true);
            String call = "/" + f.service() + path.substring(4);
            f.client().get(call);
            f.client().get(call);
            fixture("", "", true);
            assertThat(f.client().get(call).code()).isEqualTo("MEDOPS-CIRCUIT-OPEN");
        }
    }

    @Nested
    class AccessLog {
        @Test
        void recordsEveryRequestWithItsOutcome() {
            Fixture f = fixture("", "", true);
            String id = "log-" + UUID.randomUUID();
            f.client().call("GET", "/" + f.service() + "/patients/9", new byte[0], List.of("X-Request-Id", id));
            f.client().call("GET", "/no-such/x", new byte[0], List.of("X-Request-Id", id + "-404"));
            await().atMost(Duration.ofSeconds(5)).until(() ->
                    jdbc.sql("select count(*) from access_log where request_id like ?").param(id + "%")
                            .query(Long.class).single() == 2);
            AccessRow ok = jdbc.sql("select * from access_log where request_id = ?").param(id)
                    .query(AccessRow.class).single();
            assertThat(ok.channelCode()).isEqualTo(f.channel());
            assertThat(ok.serviceCode()).isEqualTo(f.service());
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.upstreamStatus()).isEqualTo(200);
            assertThat(ok.totalMicros()).isGreaterThanOrEqualTo(ok.upstreamMicros());
            assertThat(ok.bytesOut()).isPositive();
            assertThat(ok.clientIp()).isNotBlank();
            assertThat(jdbc.sql("select error_code from access_log where request_id = ?").param(id + "-404")
                    .query(String.class).single()).isEqualTo("MEDOPS-SERVICE-NOT-FOUND");
        }

        @Test
        void masksPatientIdentifiersInCapturedBodies() {
            Fixture f = fixture(",\"captureBodies\":true,\"maskedFields\":[\"name\"]", "", true);
            String id = "cap-" + UUID.randomUUID();
            f.client().call("POST", "/" + f.service() + "/register",
                    "{\"name\":\"李四\",\"idCard\":\"110101199003071234\",\"phone\":\"13812345678\"}"
                            .getBytes(StandardCharsets.UTF_8), List.of("X-Request-Id", id));
            await().atMost(Duration.ofSeconds(5)).until(() ->
                    jdbc.sql("select count(*) from access_log where request_id = ?").param(id).query(Long.class).single() == 1);
            String captured = jdbc.sql("select request_body from access_log where request_id = ?").param(id)
                    .query(String.class).single();
            assertThat(captured).contains("110101********1234", "138****5678", "\"name\":\"***\"")
                    .doesNotContain("李四", "19900307", "13812345678");
            String headers = jdbc.sql("select request_headers from access_log where request_id = ?").param(id)
                    .query(String.class).single();
            assertThat(headers).contains("X-App-Key: " + f.appKey(), "X-Request-Id: " + id)
                    .containsPattern("X-Signature: .{4}\\*{6}\n");
        }

        record AccessRow(String channelCode, String serviceCode, int status, Integer upstreamStatus, long totalMicros,
                         Long upstreamMicros, long bytesOut, String clientIp) {
        }
    }
}
