package org.medops.demo;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import org.medops.catalog.Catalog;
import org.medops.gateway.Signature;

/** A few signed calls per second from the demo channels, plus the odd bad one, through the gateway. */
final class DemoTraffic implements AutoCloseable {

    private static final List<String[]> CALLS = List.of(
            new String[] {"GET", "/his/patients/P00012345", ""},
            new String[] {"GET", "/his/departments", "hospital=1"},
            new String[] {"POST", "/his/registrations", "{\"dept\":\"0101\",\"doctor\":\"D0032\",\"slot\":\"AM\"}"},
            new String[] {"GET", "/lis/reports/P00012345", ""},
            new String[] {"POST", "/yb/settlements", "{\"visitId\":\"V778\",\"amount\":160.00}"});

    private final Vertx vertx = Vertx.vertx();
    private final HttpClient client;
    private final int gatewayPort;
    private final List<DemoChannel> channels;

    /** A demo channel with the services it is granted: it only calls those. */
    record DemoChannel(Catalog.IssuedCredentials credentials, List<String> services) {
    }

    DemoTraffic(int gatewayPort, List<DemoChannel> channels, long periodMillis) {
        this.gatewayPort = gatewayPort;
        this.channels = channels;
        this.client = vertx.createHttpClient();
        vertx.setPeriodic(2000, periodMillis, id -> tick());
    }

    private void tick() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        DemoChannel demo = channels.get(random.nextInt(channels.size()));
        Catalog.IssuedCredentials channel = demo.credentials();
        List<String[]> allowed = CALLS.stream().filter(c -> demo.services().contains(c[1].split("/")[1])).toList();
        String[] call = allowed.get(random.nextInt(allowed.size()));
        boolean tampered = random.nextInt(100) < 2;
        String body = call[0].equals("POST") ? call[2] : "";
        String query = call[0].equals("GET") ? call[2] : "";
        String timestamp = Long.toString(System.currentTimeMillis());
        String nonce = UUID.randomUUID().toString().replace("-", "");
        String signature = Signature.sign(tampered ? "wrong-secret" : channel.appSecret(), Signature.stringToSign(
                call[0], call[1], query, timestamp, nonce, body.getBytes(StandardCharsets.UTF_8)));
        RequestOptions options = new RequestOptions().setHost("127.0.0.1").setPort(gatewayPort)
                .setMethod(HttpMethod.valueOf(call[0])).setURI(call[1] + (query.isEmpty() ? "" : "?" + query))
                .putHeader("X-App-Key", channel.appKey()).putHeader("X-Timestamp", timestamp)
                .putHeader("X-Nonce", nonce).putHeader("X-Signature", signature)
                .putHeader("Content-Type", "application/json");
        client.request(options).compose(request -> request.send(Buffer.buffer(body)))
                .compose(response -> response.body());
    }

    @Override
    public void close() {
        vertx.close();
    }
}
