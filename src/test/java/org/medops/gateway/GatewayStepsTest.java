package org.medops.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.impl.NoStackTraceTimeoutException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medops.catalog.ChannelAccess;
import org.medops.catalog.GatewayConfig;
import org.medops.catalog.ServiceDefinition;
import org.medops.shared.Secrets;
import org.medops.shared.TestSecrets;

/** Each pipeline step on its own, against a compiled routing table: no server, no upstream. */
class GatewayStepsTest {

    static final String SECRET = "ward-secret-for-step-tests";
    static final Instant NOW = Instant.parse("2026-12-01T15:30:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path dir;

    RoutingTable table(boolean online, Integer serviceRate, ServiceDefinition.Fallback fallback,
                       List<String> allowList, Integer channelRate, Long channelDaily, boolean granted) throws Exception {
        Secrets secrets = secrets();
        ServiceDefinition his = new ServiceDefinition("his", "HIS", null, null, List.of("http://127.0.0.1:9"), null,
                Set.of("GET", "POST"), 500, 500, 0, ServiceDefinition.BreakerSettings.defaults(), fallback,
                serviceRate, online, true, List.of("name"));
        ChannelAccess ward = new ChannelAccess("ward", "ward-key", true, allowList, channelRate, channelDaily,
                List.of(new ChannelAccess.SealedSecret(secrets.seal(SECRET), null)));
        List<GatewayConfig.Grant> grants = granted ? List.of(new GatewayConfig.Grant("ward", "his", null)) : List.of();
        return RoutingTable.compile(new GatewayConfig(1, List.of(his), List.of(ward), grants), RoutingTable.empty(),
                secrets);
    }

    RoutingTable table() throws Exception {
        return table(true, null, null, List.of(), null, null, true);
    }

    Secrets secrets() {
        return TestSecrets.international(dir);
    }

    static Exchange exchange(RoutingTable table, String method, String path, MultiMap headers) {
        return new Exchange("req-1", NOW, table, "10.0.0.7", method, path, null, headers);
    }

    static MultiMap signedHeaders(String method, String path, String nonce, String body, String secret) {
        String timestamp = Long.toString(NOW.toEpochMilli());
        String signature = Signature.sign(secret, Signature.stringToSign(method, path, null, timestamp, nonce,
                body.getBytes(StandardCharsets.UTF_8)));
        return MultiMap.caseInsensitiveMultiMap().add("X-App-Key", "ward-key").add("X-Timestamp", timestamp)
                .add("X-Nonce", nonce).add("X-Signature", signature);
    }

    /** An exchange that passed the steps up to and including the body. */
    Exchange admitted(RoutingTable table, String nonce, String body) {
        Exchange exchange = exchange(table, "POST", "/his/patients", signedHeaders("POST", "/his/patients", nonce,
                body, SECRET));
        assertPasses(new ServiceStep().apply(exchange));
        assertPasses(new SignatureHeadersStep(CLOCK, Duration.ofMinutes(5), 1024).apply(exchange));
        exchange.body = Buffer.buffer(body);
        return exchange;
    }

    static void assertPasses(Future<Void> result) {
        assertThat(result.isComplete()).isTrue();
        assertThat(result.cause()).isNull();
    }

    static GatewayRejection rejection(Future<Void> result) {
        assertThat(result.isComplete()).isTrue();
        assertThat(result.cause()).isInstanceOf(GatewayRejection.class);
        return (GatewayRejection) result.cause();
    }

    static GatewayError error(Future<Void> result) {
        return rejection(result).error();
    }

    @Nested
    class RequestShape {
        @Test
        void refusesUnknownMethodsAndPathsThatClimbOut() throws Exception {
            RequestShapeStep step = new RequestShapeStep();
            RoutingTable table = table();
            assertThat(error(step.apply(exchange(table, "TRACE", "/his/x", MultiMap.caseInsensitiveMultiMap()))))
                    .isEqualTo(GatewayError.METHOD_NOT_ALLOWED);
            for (String path : List.of("/his/../admin", "/his/%2e%2E/admin", "/his/./x", "/his\\x")) {
                assertThat(error(step.apply(exchange(table, "GET", path, MultiMap.caseInsensitiveMultiMap()))))
                        .as(path).isEqualTo(GatewayError.BAD_PATH);
            }
            assertPasses(step.apply(exchange(table, "GET", "/his/a..b/x", MultiMap.caseInsensitiveMultiMap())));
        }
    }

    @Nested
    class Service {
        @Test
        void findsTheServiceByItsFirstSegmentOnlineAndAcceptingTheMethod() throws Exception {
            ServiceStep step = new ServiceStep();
            MultiMap none = MultiMap.caseInsensitiveMultiMap();
            assertThat(error(step.apply(exchange(table(), "GET", "/lis/x", none))))
                    .isEqualTo(GatewayError.SERVICE_NOT_FOUND);
            assertThat(error(step.apply(exchange(table(), "DELETE", "/his/x", none))))
                    .isEqualTo(GatewayError.METHOD_NOT_ALLOWED);
            assertThat(error(step.apply(exchange(table(false, null, null, List.of(), null, null, true), "GET",
                    "/his/x", none)))).isEqualTo(GatewayError.SERVICE_OFFLINE);
            Exchange ok = exchange(table(), "GET", "/his", none);
            assertPasses(step.apply(ok));
            assertThat(ok.serviceCode).isEqualTo("his");
            assertThat(ok.service).isNotNull();
        }
    }

    @Nested
    class SignatureHeaders {
        SignatureHeadersStep step = new SignatureHeadersStep(CLOCK, Duration.ofMinutes(5), 1024);

        GatewayError check(MultiMap headers) throws Exception {
            Exchange exchange = exchange(table(), "POST", "/his/x", headers);
            new ServiceStep().apply(exchange);
            return error(step.apply(exchange));
        }

        @Test
        void refusesMissingOrMalformedHeadersUnknownKeysOldTimestampsAndLongBodies() throws Exception {
            MultiMap good = signedHeaders("POST", "/his/x", "nonce-0123456789ab", "", SECRET);
            assertThat(check(MultiMap.caseInsensitiveMultiMap().addAll(good).remove("X-Signature")))
                    .isEqualTo(GatewayError.AUTH_MISSING);
            assertThat(check(MultiMap.caseInsensitiveMultiMap().addAll(good).set("X-Nonce", "short")))
                    .isEqualTo(GatewayError.AUTH_MISSING);
            assertThat(check(MultiMap.caseInsensitiveMultiMap().addAll(good).set("X-Timestamp", "yesterday")))
                    .isEqualTo(GatewayError.AUTH_MISSING);
            assertThat(check(MultiMap.caseInsensitiveMultiMap().addAll(good).set("X-App-Key", "nobody")))
                    .isEqualTo(GatewayError.AUTH_SIGNATURE);
            assertThat(check(MultiMap.caseInsensitiveMultiMap().addAll(good)
                    .set("X-Timestamp", Long.toString(NOW.minusSeconds(301).toEpochMilli()))))
                    .isEqualTo(GatewayError.AUTH_EXPIRED);
            assertThat(check(MultiMap.caseInsensitiveMultiMap().addAll(good).set("Content-Length", "1025")))
                    .isEqualTo(GatewayError.BODY_TOO_LARGE);
        }

        @Test
        void namesTheChannelOfAKnownKey() throws Exception {
            Exchange exchange = exchange(table(), "POST", "/his/x",
                    signedHeaders("POST", "/his/x", "nonce-0123456789ab", "", SECRET));
            new ServiceStep().apply(exchange);
            assertPasses(step.apply(exchange));
            assertThat(exchange.channelCode).isEqualTo("ward");
            assertThat(exchange.signed.nonce()).isEqualTo("nonce-0123456789ab");
        }
    }

    @Nested
    class Authentication {
        @Test
        void acceptsTheRightSignatureOnceAndRefusesAWrongOneOrAReplay() throws Exception {
            AuthenticationStep step = new AuthenticationStep(new LocalLimiter(Duration.ofMinutes(10)), CLOCK);
            RoutingTable table = table();
            assertPasses(step.apply(admitted(table, "nonce-aaaaaaaaaaaaaaaa", "{\"a\":1}")));
            assertThat(error(step.apply(admitted(table, "nonce-aaaaaaaaaaaaaaaa", "{\"a\":1}"))))
                    .isEqualTo(GatewayError.AUTH_REPLAY);
            Exchange tampered = admitted(table, "nonce-bbbbbbbbbbbbbbbb", "{\"a\":1}");
            tampered.body = Buffer.buffer("{\"a\":2}");
            assertThat(error(step.apply(tampered))).isEqualTo(GatewayError.AUTH_SIGNATURE);
        }
    }

    @Nested
    class Authorization {
        @Test
        void needsAGrantAndAnAllowedAddress() throws Exception {
            AuthorizationStep step = new AuthorizationStep();
            assertPasses(step.apply(admitted(table(), "nonce-aaaaaaaaaaaaaaaa", "")));
            assertThat(error(step.apply(admitted(table(true, null, null, List.of(), null, null, false),
                    "nonce-aaaaaaaaaaaaaaaa", "")))).isEqualTo(GatewayError.ACCESS_DENIED);
            assertThat(error(step.apply(admitted(table(true, null, null, List.of("192.168.1.0/24"), null, null, true),
                    "nonce-aaaaaaaaaaaaaaaa", "")))).isEqualTo(GatewayError.ACCESS_DENIED);
            assertPasses(step.apply(admitted(table(true, null, null, List.of("10.0.0.0/8"), null, null, true),
                    "nonce-aaaaaaaaaaaaaaaa", "")));
        }
    }

    @Nested
    class Limits {
        @Test
        void theChannelRateThenTheServiceRateAnswer429WithRetryAfterOneSecond() throws Exception {
            RateLimitStep step = new RateLimitStep(new LocalLimiter(Duration.ofMinutes(10)));
            RoutingTable channelLimited = table(true, null, null, List.of(), 1, null, true);
            assertPasses(step.apply(admitted(channelLimited, "nonce-aaaaaaaaaaaaaaaa", "")));
            GatewayRejection second = rejection(step.apply(admitted(channelLimited, "nonce-bbbbbbbbbbbbbbbb", "")));
            assertThat(second.error()).isEqualTo(GatewayError.RATE_LIMITED);
            assertThat(second.retryAfterSeconds()).isEqualTo("1");

            RoutingTable serviceLimited = table(true, 1, null, List.of(), null, null, true);
            step = new RateLimitStep(new LocalLimiter(Duration.ofMinutes(10)));
            assertPasses(step.apply(admitted(serviceLimited, "nonce-aaaaaaaaaaaaaaaa", "")));
            assertThat(error(step.apply(admitted(serviceLimited, "nonce-bbbbbbbbbbbbbbbb", ""))))
                    .isEqualTo(GatewayError.RATE_LIMITED);
        }

        @Test
        void theDailyQuotaAnswers429UntilMidnightInTheHospitalsZone() throws Exception {
            QuotaStep step = new QuotaStep(new LocalLimiter(Duration.ofMinutes(10)), CLOCK, SHANGHAI);
            RoutingTable table = table(true, null, null, List.of(), null, 1L, true);
            assertPasses(step.apply(admitted(table, "nonce-aaaaaaaaaaaaaaaa", "")));
            GatewayRejection second = rejection(step.apply(admitted(table, "nonce-bbbbbbbbbbbbbbbb", "")));
            assertThat(second.error()).isEqualTo(GatewayError.QUOTA_EXCEEDED);
            // 15:30 UTC is 23:30 in Shanghai: half an hour to midnight there.
            assertThat(second.retryAfterSeconds()).isEqualTo("1800");
        }
    }

    @Nested
    class Circuit {
        @Test
        void anOpenBreakerStopsTheCallWithTheFallbackIfAny() throws Exception {
            CircuitStep step = new CircuitStep();
            ServiceDefinition.Fallback fallback = new ServiceDefinition.Fallback(200, "application/json", "{}");
            Exchange exchange = admitted(table(true, null, fallback, List.of(), null, null, true),
                    "nonce-aaaaaaaaaaaaaaaa", "");
            assertPasses(step.apply(exchange));
            exchange.service.breaker().transitionToOpenState();
            GatewayRejection open = rejection(step.apply(exchange));
            assertThat(open.error()).isEqualTo(GatewayError.CIRCUIT_OPEN);
            assertThat(open.fallback()).isEqualTo(fallback);

            Exchange without = admitted(table(), "nonce-bbbbbbbbbbbbbbbb", "");
            without.service.breaker().transitionToOpenState();
            assertThat(rejection(step.apply(without)).fallback()).isNull();
        }
    }

    @Nested
    class Capture {
        @Test
        void masksIdentifiersServiceFieldsGatewayFieldsAndCredentialHeaders() throws Exception {
            CaptureStep step = new CaptureStep(List.of("X-Api-Token"), List.of("password"), 4096);
            String body = "{\"name\":\"张三\",\"idCard\":\"110101199003074518\",\"mobile\":\"13812345678\","
                    + "\"Password\":\"s3cret\"}";
            Exchange exchange = admitted(table(), "nonce-aaaaaaaaaaaaaaaa", body);
            exchange.headers.add("X-Api-Token", "tok-123456").add("Cookie", "session=abcdef");
            assertPasses(step.apply(exchange));
            assertThat(exchange.requestBody).isEqualTo("{\"name\":\"***\",\"idCard\":\"110101********4518\","
                    + "\"mobile\":\"138****5678\",\"Password\":\"***\"}");
            assertThat(exchange.requestHeaders).contains("X-Api-Token: tok-******", "Cookie: sess******")
                    .doesNotContain("tok-123456", "abcdef", SECRET);
        }

        @Test
        void theGatewayWideMaskerLeavesIdentifiersToTheServiceMasker() {
            assertThat(BodyMasker.fieldsOnly(List.of("password"), true).mask("13812345678 {\"password\":\"x\"}"))
                    .isEqualTo("13812345678 {\"password\":\"***\"}");
            assertThat(new BodyMasker(List.of()).mask("13812345678")).isEqualTo("138****5678");
        }
    }

    @Nested
    class Pipeline {
        @Test
        void runsStepsInOrderAcrossAsynchronousOnesAndStopsAtTheFirstRejection() throws Exception {
            List<String> ran = new ArrayList<>();
            Promise<Void> slow = Promise.promise();
            GatewayPipeline pipeline = new GatewayPipeline(List.of(
                    e -> { ran.add("a"); return GatewayStep.PASS; },
                    e -> { ran.add("b"); return slow.future(); },
                    e -> { ran.add("c"); return GatewayStep.reject(GatewayError.ACCESS_DENIED); },
                    e -> { ran.add("d"); return GatewayStep.PASS; }));
            Future<Void> result = pipeline.run(exchange(table(), "GET", "/his", MultiMap.caseInsensitiveMultiMap()));
            assertThat(ran).containsExactly("a", "b");
            assertThat(result.isComplete()).isFalse();
            slow.complete();
            assertThat(ran).containsExactly("a", "b", "c");
            assertThat(error(result)).isEqualTo(GatewayError.ACCESS_DENIED);
        }

        @Test
        void succeedsWhenEveryStepPasses() throws Exception {
            GatewayPipeline pipeline = new GatewayPipeline(List.of(new RequestShapeStep(), new ServiceStep()));
            assertPasses(pipeline.run(exchange(table(), "GET", "/his/x", MultiMap.caseInsensitiveMultiMap())));
        }
    }

    @Nested
    class Timeouts {
        @Test
        void areToldByTheExceptionTypeAnywhereInTheCauseChainNotByTheMessage() {
            assertThat(ProxyStep.isTimeout(new NoStackTraceTimeoutException("idle"))).isTrue();
            assertThat(ProxyStep.isTimeout(new RuntimeException(new ConnectTimeoutException("connect")))).isTrue();
            assertThat(ProxyStep.isTimeout(new java.net.SocketTimeoutException("read"))).isTrue();
            assertThat(ProxyStep.isTimeout(new ConnectException("Connection refused"))).isFalse();
            assertThat(ProxyStep.isTimeout(new IllegalStateException("upstream said: timeout"))).isFalse();
        }
    }
}
