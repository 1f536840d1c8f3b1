package org.medops.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.medops.catalog.Catalog;
import org.medops.testing.Api;
import org.medops.testing.MedopsTest;
import org.medops.testing.SignedClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The gateway against slow senders and credential leaks, over real sockets (header timeout 3 s in tests). */
@MedopsTest
class GatewayHardeningIT {

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
        upstream.stubFor(post(urlPathMatching("/his/.*")).willReturn(okJson("{\"ok\":true}")));
    }

    @AfterAll
    static void stopUpstream() {
        upstream.stop();
    }

    @Test
    void aSenderDribblingItsHeadIsAnswered408AndCutOffAtTheHeaderTimeout() throws Exception {
        ExecutorService dribbler = Executors.newSingleThreadExecutor();
        try (Socket socket = new Socket("127.0.0.1", gateway.port())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            long start = System.nanoTime();
            out.write("GET /any/thing HTTP/1.1\r\nHost: localhost\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // One byte every 300 ms: each one would restart an idle timeout, never the head timeout.
            dribbler.submit(() -> {
                try {
                    for (byte b : "X-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".getBytes(StandardCharsets.US_ASCII)) {
                        out.write(b);
                        out.flush();
                        Thread.sleep(300);
                    }
                } catch (IOException | InterruptedException e) {
                    // the gateway closed the connection: what this test waits for
                }
                return null;
            });
            String answer = readUntilClosed(socket.getInputStream());
            double seconds = (System.nanoTime() - start) / 1e9;
            assertThat(answer).startsWith("HTTP/1.1 408").contains("MEDOPS-HEADER-TIMEOUT");
            assertThat(seconds).as("cut at the 3 s head timeout, not the 60 s idle timeout").isBetween(2.5, 10.0);
        } finally {
            dribbler.shutdownNow();
            dribbler.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void aConnectionThatSendsNothingIsClosedAtTheHeaderTimeout() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", gateway.port())) {
            socket.setSoTimeout(20_000);
            long start = System.nanoTime();
            String answer = readUntilClosed(socket.getInputStream());
            assertThat(answer).startsWith("HTTP/1.1 408");
            assertThat((System.nanoTime() - start) / 1e9).isBetween(2.5, 10.0);
        }
    }

    @Test
    void aKeepAliveConnectionMayWaitBetweenRequestsLongerThanTheHeaderTimeout() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", gateway.port())) {
            socket.setSoTimeout(20_000);
            byte[] request = "GET /no-such-service/x HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
            socket.getOutputStream().write(request);
            assertThat(readOneResponse(socket.getInputStream())).startsWith("HTTP/1.1 404").contains("MEDOPS-SERVICE-NOT-FOUND");
            Thread.sleep(4_000); // longer than the head timeout, idle between requests: keep-alive is not cut
            socket.getOutputStream().write(request);
            assertThat(readOneResponse(socket.getInputStream())).startsWith("HTTP/1.1 404");
        }
    }

    @Test
    void capturedApiKeysAndCredentialFieldsAreMaskedByDefault() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        Api admin = new Api(consolePort).as("admin", MedopsTest.ADMIN_PASSWORD);
        String service = "hard-" + suffix;
        assertThat(admin.post("/api/v1/services", """
                {"code":"%s","name":"HIS","upstreamUrl":"%s","pathRewrite":"/his","captureBodies":true}"""
                .formatted(service, upstream.baseUrl())).status()).isEqualTo(201);
        JsonNode channel = admin.post("/api/v1/channels", "{\"code\":\"hc-" + suffix + "\",\"name\":\"渠道\"}").json();
        assertThat(admin.post("/api/v1/channels/hc-" + suffix + "/grants", "{\"serviceCode\":\"" + service + "\"}").status())
                .isEqualTo(201);
        long version = catalog.currentVersion();
        await().atMost(Duration.ofSeconds(5)).until(() -> gateway.feed().current().version() >= version);
        SignedClient client = new SignedClient(gateway.port(), channel.get("appKey").asString(),
                channel.get("appSecret").asString());

        String json = "json-" + suffix;
        client.call("POST", "/" + service + "/login", """
                {"username":"zhang","password":"Pa55-word-9","Token":"tok-123456789","nested":{"client_secret":"cs-987654321"},"apiKey":42}"""
                .getBytes(StandardCharsets.UTF_8), List.of("X-Request-Id", json, "X-Api-Key", "key-abcdef123456"));
        String form = "form-" + suffix;
        client.call("POST", "/" + service + "/login", "user=zhang&password=Form-pa55&secret=s3cr3t-value"
                .getBytes(StandardCharsets.UTF_8), List.of("X-Request-Id", form, "Content-Type",
                "application/x-www-form-urlencoded"));
        await().atMost(Duration.ofSeconds(5)).until(() -> jdbc.sql(
                "select count(*) from access_log where request_id in (?, ?)").params(json, form).query(Long.class).single() == 2);

        String body = jdbc.sql("select request_body from access_log where request_id = ?").param(json).query(String.class).single();
        assertThat(body).contains("\"username\":\"zhang\"", "\"password\":\"***\"", "\"Token\":\"***\"",
                "\"client_secret\":\"***\"", "\"apiKey\":\"***\"")
                .doesNotContain("Pa55-word-9", "tok-123456789", "cs-987654321");
        String headers = jdbc.sql("select request_headers from access_log where request_id = ?").param(json)
                .query(String.class).single();
        assertThat(headers).contains("X-Api-Key: key-******").doesNotContain("abcdef123456");
        String formBody = jdbc.sql("select request_body from access_log where request_id = ?").param(form)
                .query(String.class).single();
        assertThat(formBody).isEqualTo("user=zhang&password=***&secret=***");
    }

    private static String readUntilClosed(InputStream in) throws IOException {
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        byte[] buffer = new byte[1024];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                read.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the gateway kept the connection open: " + read.toString(StandardCharsets.UTF_8));
        } catch (java.net.SocketException reset) {
            // closed with a reset after the answer: still closed
        }
        return read.toString(StandardCharsets.UTF_8);
    }

    /** One response with a Content-Length body, read byte by byte so the next one stays on the socket. */
    private static String readOneResponse(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new AssertionError("connection closed after " + head);
            }
            head.write(b);
        }
        String text = head.toString(StandardCharsets.US_ASCII);
        int length = Integer.parseInt(text.lines().filter(l -> l.toLowerCase().startsWith("content-length:"))
                .findFirst().orElseThrow().substring(15).strip());
        return text + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
