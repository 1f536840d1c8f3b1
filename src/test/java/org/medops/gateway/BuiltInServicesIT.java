package org.medops.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.medops.catalog.BuiltInServices;
import org.medops.catalog.Catalog;
import org.medops.testing.Api;
import org.medops.testing.MedopsTest;
import org.medops.testing.SignedClient;
import org.medops.testing.SignedClient.Reply;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * A built-in service end to end: registered by {@link BuiltInServices}, called by a channel through the gateway port
 * with a signed request, answered by a MedOps endpoint that learns the admitted channel from the gateway's proof; and
 * the same endpoint refusing calls that did not come through the gateway.
 */
@MedopsTest
@Import(BuiltInServicesIT.EchoService.class)
class BuiltInServicesIT {

    @TestConfiguration
    @RestController
    static class EchoService {
        @GetMapping("/builtin/echo/whoami")
        GatewayCaller whoami(GatewayCaller caller) {
            return caller;
        }

        @PostMapping("/builtin/echo/orders")
        String order(GatewayCaller caller, @RequestBody String body) {
            return "{\"channel\":\"" + caller.channel() + "\",\"length\":" + body.length() + "}";
        }
    }

    @LocalServerPort
    int consolePort;

    @Autowired
    GatewayServer gateway;

    @Autowired
    Catalog catalog;

    @Autowired
    BuiltInServices builtIn;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aChannelCallsABuiltInServiceThroughTheGatewayAndTheServiceKnowsWhichChannel() {
        SignedClient client = grantedChannel();

        Reply whoami = client.get("/echo/whoami?x=1&y=%E4%B8%AD");
        assertThat(whoami.status()).as(whoami.body()).isEqualTo(200);
        JsonNode caller = whoami.json();
        assertThat(caller.get("channel").asString()).startsWith("echo-ch-");
        assertThat(caller.get("requestId").asString()).isEqualTo(whoami.requestId());

        Reply order = client.post("/echo/orders", "{\"amount\":100}");
        assertThat(order.status()).as(order.body()).isEqualTo(200);
        assertThat(order.body()).contains("\"length\":14");
    }

    @Test
    void registeringTwiceKeepsOneServiceAndAChannelWithoutAGrantIsRefusedByTheGateway() {
        builtIn.ensure("echo", "内置回声服务", "/builtin/echo");
        builtIn.ensure("echo", "内置回声服务", "/builtin/echo");
        assertThat(catalog.services().stream().filter(s -> s.code().equals("echo")).toList()).singleElement()
                .satisfies(s -> assertThat(s.upstreamUrls()).containsExactly(builtIn.base().orElseThrow() + "/builtin/echo"));
        Api admin = new Api(consolePort).as("admin", MedopsTest.ADMIN_PASSWORD);
        JsonNode issued = admin.post("/api/v1/channels", "{\"code\":\"echo-none-" + suffix() + "\",\"name\":\"无授权渠道\"}").json();
        awaitApplied();
        Reply refused = new SignedClient(gateway.port(), issued.get("appKey").asString(), issued.get("appSecret").asString())
                .get("/echo/whoami");
        assertThat(refused.status()).isEqualTo(403);
    }

    @Test
    void aCallStraightToTheConsoleWithForgedGatewayHeadersIsRefused() throws Exception {
        HttpResponse<String> forged = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + consolePort
                        + "/builtin/echo/whoami"))
                .header("X-MedOps-Channel", "wechat-mp").header("X-Request-Id", "r-1")
                .header("X-MedOps-Gateway-Time", Long.toString(System.currentTimeMillis()))
                .header("X-MedOps-Gateway-Proof", "AAAA").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(forged.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(forged.body()).contains("gateway-proof-invalid");

        HttpResponse<String> bare = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + consolePort
                + "/builtin/echo/whoami")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(bare.statusCode()).isEqualTo(401);
    }

    @Test
    void aProofFitsOnlyTheCallItWasMadeFor() throws Exception {
        // The proof the gateway computed for one path and channel, presented on another path or as another channel.
        GatewayCallers callers = new GatewayCallers(secrets(), builtIn, java.time.Clock.systemUTC());
        io.vertx.core.MultiMap headers = io.vertx.core.MultiMap.caseInsensitiveMultiMap();
        callers.sign(headers, "GET", "/builtin/echo/whoami", "wechat-mp", "r-2");
        assertThat(direct("/builtin/echo/whoami", "wechat-mp", "r-2", headers)).isEqualTo(200);
        assertThat(direct("/builtin/echo/whoami?admin=1", "wechat-mp", "r-2", headers)).isEqualTo(401);
        assertThat(direct("/builtin/echo/whoami", "alipay", "r-2", headers)).isEqualTo(401);
        assertThat(direct("/builtin/echo/whoami", "wechat-mp", "r-3", headers)).isEqualTo(401);

        GatewayCallers earlier = new GatewayCallers(secrets(), builtIn,
                java.time.Clock.offset(java.time.Clock.systemUTC(), Duration.ofMinutes(-6)));
        io.vertx.core.MultiMap stale = io.vertx.core.MultiMap.caseInsensitiveMultiMap();
        earlier.sign(stale, "GET", "/builtin/echo/whoami", "wechat-mp", "r-4");
        assertThat(direct("/builtin/echo/whoami", "wechat-mp", "r-4", stale)).isEqualTo(401);
    }

    @Autowired
    org.medops.shared.Secrets secretsBean;

    private org.medops.shared.Secrets secrets() {
        return secretsBean;
    }

    private int direct(String pathAndQuery, String channel, String requestId, io.vertx.core.MultiMap proof)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + consolePort + pathAndQuery))
                .header("X-MedOps-Channel", channel).header("X-Request-Id", requestId)
                .header("X-MedOps-Gateway-Time", proof.get("X-MedOps-Gateway-Time"))
                .header("X-MedOps-Gateway-Proof", proof.get("X-MedOps-Gateway-Proof")).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private SignedClient grantedChannel() {
        builtIn.ensure("echo", "内置回声服务", "/builtin/echo");
        String channel = "echo-ch-" + suffix();
        Api admin = new Api(consolePort).as("admin", MedopsTest.ADMIN_PASSWORD);
        Api.Response issued = admin.post("/api/v1/channels", "{\"code\":\"" + channel + "\",\"name\":\"内置服务渠道\"}");
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        assertThat(admin.post("/api/v1/channels/" + channel + "/grants", "{\"serviceCode\":\"echo\"}").status())
                .isEqualTo(201);
        awaitApplied();
        return new SignedClient(gateway.port(), issued.json().get("appKey").asString(),
                issued.json().get("appSecret").asString());
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 6);
    }

    private void awaitApplied() {
        long version = catalog.currentVersion();
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(10))
                .until(() -> gateway.feed().current().version() >= version);
    }
}
