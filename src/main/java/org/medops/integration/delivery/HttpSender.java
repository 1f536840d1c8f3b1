package org.medops.integration.delivery;

import java.io.IOException;
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
 * Sends one message to an HTTP destination. The client is kept for the worker's life, so connections are pooled
 * and kept alive between messages instead of opened per message. 2xx is delivered; 408, 429, 5xx and no answer
 * are failures (retried forever); any other 4xx is a rejection.
 */
final class HttpSender implements Sender {

    static final int RESPONSE_LIMIT = 64 * 1024;

    private final HttpClient client = client();

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
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(destination.url()))
                .timeout(destination.timeout())
                .header("Content-Type", message.isTransformed() ? "application/json; charset=utf-8"
                        : "application/hl7-v2; charset=utf-8")
                .method(destination.method(), HttpRequest.BodyPublishers.ofString(message.body(), StandardCharsets.UTF_8));
        identify(request, message);
        return exchange(client, request.build(), destination);
    }

    /** The headers that let a receiver recognise a message again: the id is stable across retries and restarts. */
    static void identify(HttpRequest.Builder request, Outgoing message) {
        request.header("X-MedOps-Message-Id", String.valueOf(message.id()))
                .header("X-MedOps-Channel", message.channel());
        if (message.controlId() != null && message.controlId().chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            request.header("X-MedOps-Control-Id", message.controlId());
        }
    }

    static Result exchange(HttpClient client, HttpRequest request, ChannelDocument.Destination destination)
            throws InterruptedException {
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            byte[] body = response.body();
            String text = new String(body, 0, Math.min(body.length, RESPONSE_LIMIT), StandardCharsets.UTF_8);
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return Result.delivered(text);
            }
            if (status >= 400 && status < 500 && status != 408 && status != 429) {
                return Result.rejected(text, "HTTP " + status);
            }
            return Result.failed(text, "HTTP " + status);
        } catch (java.net.http.HttpTimeoutException e) {
            return Result.failed(null, "timed out after " + destination.timeout().toMillis() + " ms");
        } catch (java.net.ConnectException e) {
            return Result.failed(null, "connection refused: " + request.uri());
        } catch (IOException | IllegalArgumentException e) {
            return Result.failed(null, "not delivered: " + e.getMessage());
        }
    }
}
