package org.medops.integration.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.medops.integration.channels.ChannelDocument;
import org.medops.integration.store.Outgoing;
import org.springframework.stereotype.Component;

/**
 * Sends one message to an HTTP destination (POST or PUT, as the channel's validation allows). Connections are kept
 * alive between messages by the JDK's connection cache instead of opened per message. 2xx is delivered; 408, 429,
 * 5xx and no answer are failures (retried forever); any other 4xx is a rejection.
 *
 * <p>A blocking {@link HttpURLConnection} on the worker's own thread, not {@link HttpClient}: for one request at a
 * time the asynchronous client costs about five times the CPU per message (its futures, selector thread and
 * executor), CPU that the intake's ACKs compete for on a small server (docs/performance.md). The destination's
 * timeout bounds the connect and every wait for the answer.
 */
final class HttpSender implements Sender {

    static final int RESPONSE_LIMIT = 64 * 1024;
    private static final int CONNECT_TIMEOUT_MILLIS = 5000;

    static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Component
    static final class Kind implements Sender.Kind {

        @Override
        public String type() {
            return "HTTP";
        }

        @Override
        public Sender open() {
            return new HttpSender();
        }
    }

    @Override
    public Result send(ChannelDocument.Destination destination, Outgoing message) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        HttpURLConnection connection = null;
        try {
            connection = (HttpURLConnection) URI.create(destination.url()).toURL().openConnection(Proxy.NO_PROXY);
            int timeout = (int) Math.min(Integer.MAX_VALUE, Math.max(1, destination.timeout().toMillis()));
            connection.setConnectTimeout(Math.min(CONNECT_TIMEOUT_MILLIS, timeout));
            connection.setReadTimeout(timeout);
            connection.setInstanceFollowRedirects(false);
            connection.setUseCaches(false);
            connection.setRequestMethod(destination.method().toUpperCase(java.util.Locale.ROOT));
            connection.setDoOutput(true);
            connection.setRequestProperty("Content-Type", message.contentType());
            identity(message).forEach(connection::setRequestProperty);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(message.body().getBytes(StandardCharsets.UTF_8));
            }
            int status = connection.getResponseCode();
            return outcome(status, body(connection, status));
        } catch (SocketTimeoutException e) {
            return Result.failed(null, "timed out after " + destination.timeout().toMillis() + " ms");
        } catch (java.net.ConnectException e) {
            return Result.failed(null, "connection refused: " + destination.url());
        } catch (IOException | IllegalArgumentException e) {
            if (connection != null) {
                connection.disconnect();
            }
            return Result.failed(null, "not delivered: " + e.getMessage());
        }
    }

    /**
     * The answer's first {@link #RESPONSE_LIMIT} bytes. An answer read to its end leaves the connection to the
     * cache for the next message; a longer one is cut and its connection closed.
     */
    private static String body(HttpURLConnection connection, int status) throws IOException {
        try (InputStream in = answer(connection, status)) {
            if (in == null) {
                return "";
            }
            byte[] head = in.readNBytes(RESPONSE_LIMIT);
            if (in.read() != -1) {
                connection.disconnect();
            }
            return new String(head, StandardCharsets.UTF_8);
        }
    }

    /** The answer's stream; an error status answers on the error stream (null when it has no body). */
    private static InputStream answer(HttpURLConnection connection, int status) throws IOException {
        if (status >= 400) {
            return connection.getErrorStream();
        }
        try {
            return connection.getInputStream();
        } catch (IOException e) {
            return connection.getErrorStream();
        }
    }

    private static Result outcome(int status, String text) {
        if (status >= 200 && status < 300) {
            return Result.delivered(text);
        }
        if (status >= 400 && status < 500 && status != 408 && status != 429) {
            return Result.rejected(text, "HTTP " + status);
        }
        return Result.failed(text, "HTTP " + status);
    }

    /** The headers that let a receiver recognise a message again: the id is stable across retries and restarts. */
    static java.util.Map<String, String> identity(Outgoing message) {
        java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();
        headers.put("X-MedOps-Message-Id", String.valueOf(message.id()));
        headers.put("X-MedOps-Channel", message.channel());
        if (message.controlId() != null && message.controlId().chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            headers.put("X-MedOps-Control-Id", message.controlId());
        }
        return headers;
    }

    static void identify(HttpRequest.Builder request, Outgoing message) {
        identity(message).forEach(request::header);
    }

    static Result exchange(HttpClient client, HttpRequest request, ChannelDocument.Destination destination)
            throws InterruptedException {
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            byte[] body = response.body();
            return outcome(response.statusCode(),
                    new String(body, 0, Math.min(body.length, RESPONSE_LIMIT), StandardCharsets.UTF_8));
        } catch (java.net.http.HttpTimeoutException e) {
            return Result.failed(null, "timed out after " + destination.timeout().toMillis() + " ms");
        } catch (java.net.ConnectException e) {
            return Result.failed(null, "connection refused: " + request.uri());
        } catch (IOException | IllegalArgumentException e) {
            return Result.failed(null, "not delivered: " + e.getMessage());
        }
    }
}
