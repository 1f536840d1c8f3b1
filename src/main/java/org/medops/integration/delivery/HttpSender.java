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

/**
 * Sends one message to an HTTP destination. The client is kept for the worker's life, so connections are pooled
 * and kept alive between messages instead of opened per message.
 */
final class HttpSender implements Sender {

    private static final int RESPONSE_LIMIT = 64 * 1024;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();

    @Override
    public Result send(ChannelDocument.Destination destination, Outgoing message, String contentType)
            throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(destination.url()))
                .timeout(destination.timeout())
                .header("Content-Type", contentType)
                .header("X-MedOps-Message-Id", String.valueOf(message.id()))
                .header("X-MedOps-Channel", message.channel())
                .method(destination.method(), HttpRequest.BodyPublishers.ofString(message.body(), StandardCharsets.UTF_8));
        if (message.controlId() != null && message.controlId().chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            request.header("X-MedOps-Control-Id", message.controlId());
        }
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            byte[] body = response.body();
            String text = new String(body, 0, Math.min(body.length, RESPONSE_LIMIT), StandardCharsets.UTF_8);
            return new Result(response.statusCode(), text, null);
        } catch (java.net.http.HttpTimeoutException e) {
            return new Result(0, null, "timed out after " + destination.timeout().toMillis() + " ms");
        } catch (java.net.ConnectException e) {
            return new Result(0, null, "connection refused: " + destination.url());
        } catch (IOException | IllegalArgumentException e) {
            return new Result(0, null, "not delivered: " + e.getMessage());
        }
    }
}
