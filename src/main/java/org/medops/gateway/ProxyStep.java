package org.medops.gateway;

import java.net.SocketTimeoutException;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import org.medops.catalog.ServiceDefinition;

/**
 * The last step: sends the call upstream (retrying per the service's policy, marking targets down),
 * feeds the circuit breaker, and streams the answer back with back-pressure. Succeeds once the
 * answer is being relayed; the access-log record is written when it ends ({@link Answer#log}).
 */
final class ProxyStep implements GatewayStep {

    static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host", "content-length");
    private static final Set<String> SIGNATURE_HEADERS = Set.of("x-app-key", "x-timestamp", "x-nonce", "x-signature");

    private final HttpClient client;
    private final CaptureStep capture;
    private final Answer answer;
    private final GatewayCallers callers;

    ProxyStep(HttpClient client, CaptureStep capture, Answer answer, GatewayCallers callers) {
        this.client = client;
        this.capture = capture;
        this.answer = answer;
        this.callers = callers;
    }

    @Override
    public Future<Void> apply(Exchange exchange) {
        Promise<Void> relayed = Promise.promise();
        attempt(exchange, exchange.service.attemptsFor(exchange.method), relayed);
        return relayed.future();
    }

    private void attempt(Exchange exchange, int attemptsLeft, Promise<Void> relayed) {
        ServiceRuntime service = exchange.service;
        ServiceDefinition definition = service.definition();
        Upstreams upstreams = service.upstreams();
        int index = upstreams.pick(System.nanoTime());
        URI target = upstreams.target(index);
        // Upstream receives exactly the query that was signed, so no re-encoding can change its meaning.
        String query = exchange.query == null ? null : Signature.canonicalQuery(exchange.query);
        String pathAndQuery = stripSlash(target.getPath()) + definition.upstreamPath(exchange.path)
                + (query == null || query.isEmpty() ? "" : "?" + query);
        MultiMap headers = upstreamHeaders(exchange);
        if (callers.builtIn(target)) {
            callers.sign(headers, exchange.method, pathAndQuery, exchange.channelCode, exchange.requestId);
        }
        RequestOptions options = new RequestOptions()
                .setAbsoluteURI(target.getScheme() + "://" + target.getAuthority() + pathAndQuery)
                .setMethod(HttpMethod.valueOf(exchange.method))
                .setHeaders(headers)
                .setConnectTimeout(definition.connectTimeoutMs())
                .setIdleTimeout(definition.readTimeoutMs());
        long upstreamStart = System.nanoTime();
        client.request(options)
                .compose(upstreamRequest -> upstreamRequest.send(exchange.body))
                .onSuccess(response -> {
                    long elapsed = System.nanoTime() - upstreamStart;
                    if (response.statusCode() >= 500 && attemptsLeft > 1) {
                        response.body();
                        attempt(exchange, attemptsLeft - 1, relayed);
                        return;
                    }
                    upstreams.markUp(index);
                    if (response.statusCode() >= 500) {
                        service.breaker().onError(elapsed, TimeUnit.NANOSECONDS,
                                new IllegalStateException("upstream status " + response.statusCode()));
                    } else {
                        service.breaker().onSuccess(elapsed, TimeUnit.NANOSECONDS);
                    }
                    exchange.upstreamStatus = response.statusCode();
                    exchange.upstreamMicros = elapsed / 1000;
                    relay(exchange, response);
                    relayed.complete();
                })
                .onFailure(error -> {
                    long elapsed = System.nanoTime() - upstreamStart;
                    boolean timeout = isTimeout(error);
                    if (!timeout) {
                        upstreams.markDown(index, System.nanoTime());
                    }
                    if (attemptsLeft > 1) {
                        attempt(exchange, attemptsLeft - 1, relayed);
                        return;
                    }
                    service.breaker().onError(elapsed, TimeUnit.NANOSECONDS, error);
                    exchange.upstreamMicros = elapsed / 1000;
                    relayed.fail(GatewayRejection.of(timeout ? GatewayError.UPSTREAM_TIMEOUT
                            : GatewayError.UPSTREAM_UNAVAILABLE));
                });
    }

    /** Streams the upstream response to the caller with back-pressure, counting bytes. */
    private void relay(Exchange exchange, HttpClientResponse upstream) {
        HttpServerResponse response = exchange.request.response();
        response.setStatusCode(upstream.statusCode());
        upstream.headers().forEach((name, value) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase())) {
                response.headers().add(name, value);
            }
        });
        response.putHeader("X-Request-Id", exchange.requestId);
        String length = upstream.getHeader("Content-Length");
        if (length != null) {
            response.putHeader("Content-Length", length);
        } else {
            response.setChunked(true);
        }
        boolean captureBodies = exchange.service.definition().captureBodies();
        Buffer captured = captureBodies ? Buffer.buffer() : null;
        upstream.handler(chunk -> {
            exchange.bytesOut += chunk.length();
            if (captureBodies && captured.length() < capture.limitBytes()) {
                captured.appendBuffer(chunk);
            }
            response.write(chunk);
            if (response.writeQueueFull()) {
                upstream.pause();
                response.drainHandler(v -> upstream.resume());
            }
        });
        upstream.exceptionHandler(e -> {
            answer.log(exchange, 502, GatewayError.UPSTREAM_UNAVAILABLE.code());
            response.reset();
        });
        upstream.endHandler(v -> {
            if (captureBodies) {
                exchange.responseBody = capture.mask(exchange.service, captured);
            }
            answer.log(exchange, upstream.statusCode(), null);
            response.end();
        });
    }

    private static MultiMap upstreamHeaders(Exchange exchange) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        exchange.headers.forEach((name, value) -> {
            String lower = name.toLowerCase();
            if (!HOP_BY_HOP.contains(lower) && !SIGNATURE_HEADERS.contains(lower)) {
                headers.add(name, value);
            }
        });
        headers.set("X-Request-Id", exchange.requestId);
        headers.set("X-MedOps-Channel", exchange.channelCode);
        String forwarded = exchange.header("X-Forwarded-For");
        headers.set("X-Forwarded-For", forwarded == null ? exchange.clientIp : forwarded + ", " + exchange.clientIp);
        return headers;
    }

    /**
     * A time-out, told by type anywhere in the cause chain: Vert.x's idle (read) time-out and
     * {@link TimeoutException}s in general, Netty's connect time-out, a socket read time-out.
     * A time-out does not mark the target down (it answers, slowly); anything else does.
     */
    static boolean isTimeout(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException || t instanceof ConnectTimeoutException
                    || t instanceof SocketTimeoutException || t instanceof io.netty.handler.timeout.TimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static String stripSlash(String path) {
        return path == null || path.equals("/") ? "" : path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
