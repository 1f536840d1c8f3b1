package org.medops.integration.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medops.testing.Api;
import org.medops.testing.Exports;
import org.medops.testing.MedopsTest;
import org.medops.testing.Problems;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A request/response service (患者信息查询) called through the platform, against a real HTTP partner on 127.0.0.1:
 * only by a system with an active subscription, the body forwarded as sent and the answer returned as it came, each
 * call kept with its content masked; a timeout, a partner down and a failing partner tripping the breaker are
 * problems with stable codes. (The same call on the interop port with a system's credential: InteropCallersIT.)
 */
@MedopsTest
class ServiceCallsIT {

    @LocalServerPort
    int port;

    HttpServer partner;
    final List<String> received = new CopyOnWriteArrayList<>();
    final List<String> callers = new CopyOnWriteArrayList<>();
    final AtomicInteger failing = new AtomicInteger();

    @BeforeEach
    void partner() throws IOException {
        partner = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        partner.setExecutor(Executors.newFixedThreadPool(4));
        partner.createContext("/patient", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(body);
            callers.add(exchange.getRequestHeaders().getFirst("X-MedOps-Caller"));
            answer(exchange, 200, "application/json; charset=utf-8", """
                    {"patientId": "P20261203", "姓名": "张三", "性别": "男", "科室": "心内科"}""");
        });
        partner.createContext("/slow", exchange -> {
            try {
                Thread.sleep(1500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer(exchange, 200, "text/plain", "late");
        });
        partner.createContext("/fail", exchange -> {
            failing.incrementAndGet();
            answer(exchange, 500, "text/plain", "internal error");
        });
        partner.start();
    }

    @AfterEach
    void stop() {
        partner.stop(0);
    }

    static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    String url(String path) {
        return "http://127.0.0.1:" + partner.getAddress().getPort() + path;
    }

    Api admin() {
        return new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
    }

    String service(Api admin, String endpoint, int timeout) {
        String code = "pq-" + UUID.randomUUID().toString().substring(0, 8);
        var registered = admin.post("/api/v1/integration/services", """
                {"code":"%s","name":"患者信息查询","system":"HIS","kind":"SERVICE","messageType":"JSON",
                 "messageVersion":"1.0","owner":"admin","endpoint":"%s","timeoutMs":%d}""".formatted(code, endpoint, timeout));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        return code;
    }

    String subscribed(Api admin, String service, String system) {
        var requested = admin.post("/api/v1/integration/subscriptions", """
                {"service":"%s","system":"%s"}""".formatted(service, system));
        assertThat(requested.status()).as(requested.body()).isEqualTo(201);
        String id = requested.json().get("id").asString();
        assertThat(admin.post("/api/v1/integration/subscriptions/" + id + "/approve", "{}").json().get("status").asString())
                .isEqualTo("ACTIVE");
        return id;
    }

    Api.Response call(Api who, String service, String system, String body) {
        return who.post("/api/v1/integration/services/" + service + "/call?system=" + system, "application/json",
                body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aSubscribedSystemCallsTheServiceAndEachCallIsKeptMasked() {
        Api admin = admin();
        String service = service(admin, url("/patient"), 2000);
        Api operator = admin.newUser("sc-" + UUID.randomUUID().toString().substring(0, 6), "接口运维", "Operator#Call-2026",
                "OPS_ENGINEER");
        var pending = operator.post("/api/v1/integration/subscriptions", """
                {"service":"%s","system":"EMR"}""".formatted(service));
        assertThat(pending.status()).as(pending.body()).isEqualTo(201);
        assertThat(pending.json().get("status").asString()).isEqualTo("PENDING");
        String query = "{\"patientId\": \"P20261203\", \"姓名\": \"张三\"}";
        Problems.problem(call(operator, service, "EMR", query), 403, "integration-service-not-subscribed");
        assertThat(received).as("nothing reaches the partner before the approval").isEmpty();
        admin.post("/api/v1/integration/subscriptions/" + pending.json().get("id").asString() + "/approve", "{}");

        var answered = call(operator, service, "EMR", query);
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        assertThat(answered.contentType()).startsWith("application/json");
        assertThat(answered.json().get("科室").asString()).isEqualTo("心内科");
        assertThat(received).containsExactly(query);
        assertThat(callers).containsExactly("EMR");

        Problems.problem(call(operator, service, "LIS", query), 403, "integration-service-not-subscribed");
        Problems.problem(call(operator, service, "", query), 400, "integration-service-caller");
        Problems.problem(call(operator, "pq-none-" + UUID.randomUUID().toString().substring(0, 4), "EMR", query), 404,
                "not-found");

        var calls = admin.get("/api/v1/integration/services/" + service + "/calls").json();
        assertThat(calls).hasSize(3);
        var ok = calls.get(1);
        assertThat(ok.get("outcome").asString()).isEqualTo("OK");
        assertThat(ok.get("callerSystem").asString()).isEqualTo("EMR");
        assertThat(ok.get("httpStatus").asInt()).isEqualTo(200);
        assertThat(ok.get("requestBody").asString()).as("identifiers masked before they are kept")
                .doesNotContain("张三", "P20261203").contains("patientId");
        assertThat(ok.get("responseBody").asString()).doesNotContain("张三", "P20261203").contains("心内科");
        assertThat(calls.get(0).get("outcome").asString()).isEqualTo("NOT_SUBSCRIBED");
        assertThat(calls.get(2).get("outcome").asString()).isEqualTo("NOT_SUBSCRIBED");

        var list = Exports.csv(admin.download("/api/v1/integration/service-list/export?format=csv&system=EMR").body());
        assertThat(list).anySatisfy(r -> assertThat(r).contains(service, "订阅", "请求/应答服务", "1"));

        String topic = "tp-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(admin.post("/api/v1/integration/services", """
                {"code":"%s","name":"入院登记","system":"HIS","kind":"TOPIC"}""".formatted(topic)).status()).isEqualTo(201);
        Problems.problem(call(admin, topic, "EMR", query), 409, "integration-service-not-callable");
        Problems.problem(admin.post("/api/v1/integration/services", """
                {"code":"%s","name":"x","system":"HIS","kind":"TOPIC","endpoint":"http://127.0.0.1:1/x"}"""
                .formatted("tp-" + UUID.randomUUID().toString().substring(0, 8))), 400, "integration-service-endpoint-topic");
        Problems.problem(admin.post("/api/v1/integration/services", """
                {"code":"%s","name":"x","system":"HIS","kind":"SERVICE","endpoint":"ftp://host/x"}"""
                .formatted("pq-" + UUID.randomUUID().toString().substring(0, 8))), 400, "integration-service-endpoint");
        Problems.problem(admin.post("/api/v1/integration/services", """
                {"code":"%s","name":"x","system":"HIS","kind":"SERVICE","timeoutMs":5}"""
                .formatted("pq-" + UUID.randomUUID().toString().substring(0, 8))), 400, "integration-service-timeout");
        Api staff = admin.newUser("ss-" + UUID.randomUUID().toString().substring(0, 6), "临床", "Staff#Call-2026",
                "HOSPITAL_STAFF");
        assertThat(call(staff, service, "EMR", query).status()).isEqualTo(403);
    }

    @Test
    void aTimeoutAPartnerDownAndAFailingPartnerAreProblemsAndTheBreakerOpens() throws IOException {
        Api admin = admin();
        String slow = service(admin, url("/slow"), 300);
        subscribed(admin, slow, "EMR");
        var timedOut = call(admin, slow, "EMR", "{}");
        Problems.problem(timedOut, 504, "integration-service-call-timeout");

        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        String down = service(admin, "http://127.0.0.1:" + closed + "/patient", 1000);
        subscribed(admin, down, "EMR");
        Problems.problem(call(admin, down, "EMR", "{}"), 502, "integration-service-unreachable");

        String failing = service(admin, url("/fail"), 1000);
        subscribed(admin, failing, "EMR");
        for (int i = 0; i < 5; i++) {
            var answer = call(admin, failing, "EMR", "{}");
            assertThat(answer.status()).as("the partner's own answer is passed on").isEqualTo(500);
            assertThat(answer.body()).isEqualTo("internal error");
        }
        Problems.problem(call(admin, failing, "EMR", "{}"), 503, "integration-service-circuit-open");
        assertThat(this.failing.get()).as("an open breaker does not reach the partner").isEqualTo(5);
        var calls = admin.get("/api/v1/integration/services/" + failing + "/calls?limit=10").json();
        assertThat(calls.get(0).get("outcome").asString()).isEqualTo("CIRCUIT_OPEN");
        assertThat(calls.get(1).get("outcome").asString()).isEqualTo("UPSTREAM_ERROR");
        assertThat(admin.get("/api/v1/integration/services/" + slow + "/calls").json().get(0).get("outcome").asString())
                .isEqualTo("TIMEOUT");
    }
}
