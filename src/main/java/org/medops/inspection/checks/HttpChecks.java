package org.medops.inspection.checks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * An HTTP(S) endpoint: answers under 400 within the time limit, and, for HTTPS, how many days its certificate
 * has left. The certificate is read even when this machine does not trust its issuer (a hospital's own CA): the
 * handshake only reads it, nothing is sent.
 */
@Component
class HttpChecks {

    private final Duration connectTimeout;
    private final Clock clock;

    HttpChecks(@Value("${medops.inspection.connect-timeout:5s}") Duration connectTimeout, Clock clock) {
        this.connectTimeout = connectTimeout;
        this.clock = clock;
    }

    CheckResult run(Endpoint endpoint, CheckCode check, CheckSetting setting, Duration limit)
            throws IOException, InterruptedException, GeneralSecurityException {
        URI uri = uri(endpoint);
        return switch (check) {
            case HTTP_UP -> up(uri, setting, limit);
            case CERT_EXPIRY -> certificate(uri, setting, limit);
            default -> throw new IllegalArgumentException(check + " is not an HTTP check");
        };
    }

    String test(Endpoint endpoint, Duration limit) throws IOException, InterruptedException {
        URI uri = uri(endpoint);
        HttpResponse<Void> response = client().send(HttpRequest.newBuilder(uri).timeout(limit).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        return "GET " + uri + " → " + response.statusCode();
    }

    static URI uri(Endpoint endpoint) throws IOException {
        try {
            URI uri = URI.create(endpoint.url() == null ? "" : endpoint.url().strip());
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IOException("not an http(s) URL: " + endpoint.url());
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new IOException("not an http(s) URL: " + endpoint.url());
        }
    }

    private HttpClient client() {
        return HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private CheckResult up(URI uri, CheckSetting setting, Duration limit) throws IOException, InterruptedException {
        long started = System.nanoTime();
        HttpResponse<Void> response = client().send(HttpRequest.newBuilder(uri).timeout(limit).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        long millis = (System.nanoTime() - started) / 1_000_000;
        CheckCode.Limit lim = setting.limit(CheckCode.HTTP_UP);
        Outcome outcome = response.statusCode() >= 400 ? Outcome.FAIL : lim.grade(millis);
        return new CheckResult(CheckCode.HTTP_UP, outcome, response.statusCode() + ", " + millis + " ms",
                lim.text(), "GET " + uri + "\n→ " + response.statusCode() + " in " + millis + " ms\n"
                        + response.headers().firstValue("server").map(s -> "server: " + s).orElse(""));
    }

    private CheckResult certificate(URI uri, CheckSetting setting, Duration limit)
            throws IOException, GeneralSecurityException {
        if (!"https".equals(uri.getScheme())) {
            return new CheckResult(CheckCode.CERT_EXPIRY, Outcome.PASS, "http", null, uri + " is not HTTPS");
        }
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[]{new ReadOnly()}, null);
        int port = uri.getPort() < 0 ? 443 : uri.getPort();
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket()) {
            socket.connect(new java.net.InetSocketAddress(uri.getHost(), port), (int) connectTimeout.toMillis());
            socket.setSoTimeout((int) limit.toMillis());
            javax.net.ssl.SSLParameters parameters = socket.getSSLParameters();
            parameters.setServerNames(java.util.List.of(new javax.net.ssl.SNIHostName(uri.getHost())));
            socket.setSSLParameters(parameters);
            socket.startHandshake();
            Certificate[] chain = socket.getSession().getPeerCertificates();
            X509Certificate leaf = (X509Certificate) chain[0];
            Instant notAfter = leaf.getNotAfter().toInstant();
            double days = Duration.between(clock.instant(), notAfter).toHours() / 24.0;
            CheckCode.Limit lim = setting.limit(CheckCode.CERT_EXPIRY);
            return new CheckResult(CheckCode.CERT_EXPIRY, lim.grade(days), (long) Math.floor(days) + " d", lim.text(),
                    "subject: " + leaf.getSubjectX500Principal().getName() + "\nissuer: "
                            + leaf.getIssuerX500Principal().getName() + "\nnot after: " + notAfter);
        }
    }

    /** Accepts any chain: this handshake reads the certificate's dates and sends nothing. */
    private static final class ReadOnly implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
