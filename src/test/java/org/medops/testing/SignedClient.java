package org.medops.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A channel calling the gateway as a partner's developer would, signing each request by the
 * published rules. Written independently of the gateway's own code, so each checks the other.
 */
public final class SignedClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final String appKey;
    private final String secret;

    public SignedClient(int gatewayPort, String appKey, String secret) {
        this.base = "http://localhost:" + gatewayPort;
        this.appKey = appKey;
        this.secret = secret;
    }

    public Reply get(String pathAndQuery) {
        return call("GET", pathAndQuery, new byte[0], List.of());
    }

    public Reply post(String pathAndQuery, String body) {
        return call("POST", pathAndQuery, body.getBytes(StandardCharsets.UTF_8), List.of());
    }

    public Reply call(String method, String pathAndQuery, byte[] body, List<String> extraHeaders) {
        return send(method, pathAndQuery, body, Long.toString(System.currentTimeMillis()),
                UUID.randomUUID().toString().replace("-", ""), extraHeaders);
    }

    public Reply send(String method, String pathAndQuery, byte[] body, String timestamp, String nonce,
                      List<String> extraHeaders) {
        return exchange(signed(method, pathAndQuery, body, timestamp, nonce, extraHeaders));
    }

    /** The whole response, headers included (an ETag, a Location), of a signed call. */
    public HttpResponse<String> raw(String method, String pathAndQuery, List<String> extraHeaders) {
        try {
            return HTTP.send(signed(method, pathAndQuery, new byte[0], Long.toString(System.currentTimeMillis()),
                    UUID.randomUUID().toString().replace("-", ""), extraHeaders), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest signed(String method, String pathAndQuery, byte[] body, String timestamp, String nonce,
                               List<String> extraHeaders) {
        int q = pathAndQuery.indexOf('?');
        String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        String query = q < 0 ? "" : pathAndQuery.substring(q + 1);
        String toSign = method + "\n" + path + "\n" + canonical(query) + "\n" + timestamp + "\n" + nonce + "\n"
                + sha256(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .header("X-App-Key", appKey).header("X-Timestamp", timestamp).header("X-Nonce", nonce)
                .header("X-Signature", hmac(secret, toSign))
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i + 1 < extraHeaders.size(); i += 2) {
            request.header(extraHeaders.get(i), extraHeaders.get(i + 1));
        }
        return request.build();
    }

    public static Reply exchange(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response.headers().firstValue("X-Request-Id").orElse(null),
                    response.headers().firstValue("Retry-After").orElse(null),
                    response.headers().firstValue("X-MedOps-Fallback").orElse(null));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String canonical(String query) {
        List<String> pairs = new ArrayList<>();
        for (String part : query.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            String[] nv = part.split("=", 2);
            String name = rfc3986(URLDecoder.decode(nv[0].replace("+", "%2B"), StandardCharsets.UTF_8));
            String value = nv.length < 2 ? "" : rfc3986(URLDecoder.decode(nv[1].replace("+", "%2B"), StandardCharsets.UTF_8));
            pairs.add(name + "=" + value);
        }
        pairs.sort((a, b) -> {
            String an = a.substring(0, a.indexOf('=')), bn = b.substring(0, b.indexOf('='));
            int byName = an.compareTo(bn);
            return byName != 0 ? byName : a.substring(a.indexOf('=') + 1).compareTo(b.substring(b.indexOf('=') + 1));
        });
        return String.join("&", pairs);
    }

    private static String rfc3986(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8)
                .replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hmac(String key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public record Reply(int status, String body, String requestId, String retryAfter, String fallback) {
        public String code() {
            return body.startsWith("{") ? json().path("code").asString() : null;
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }
    }
}
