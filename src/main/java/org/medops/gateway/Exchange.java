package org.medops.gateway;

import java.time.Instant;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;

/**
 * One call as it moves through the pipeline: what the steps learn about it (service, channel,
 * credentials, body) and the facts of its access-log record.
 */
final class Exchange {

    /** The caller's request; null only in step tests, which give the head and body directly. */
    final HttpServerRequest request;
    final String requestId;
    final long startNanos;
    final Instant startedAt;
    final String clientIp;
    final String method;
    final String path;
    final String query;
    final MultiMap headers;
    /** The configuration the whole call runs against, even if a new one arrives meanwhile. */
    final RoutingTable table;
    ServiceRuntime service;
    ChannelRuntime channel;
    SignedHeaders signed;
    Buffer body;
    String channelCode;
    String serviceCode;
    Integer upstreamStatus;
    Long upstreamMicros;
    long bytesIn;
    long bytesOut;
    String requestBody;
    String responseBody;
    String requestHeaders;
    boolean logged;

    /** The signature headers, present and well-formed (checked by {@link SignatureHeadersStep}). */
    record SignedHeaders(String appKey, String timestamp, String nonce, String signature) {
    }

    Exchange(HttpServerRequest request, String requestId, long startNanos, Instant startedAt, RoutingTable table) {
        this(request, requestId, startNanos, startedAt, table,
                request.remoteAddress() == null ? null : request.remoteAddress().host(), request.method().name(),
                request.path(), request.query(), request.headers());
    }

    /** For step tests: a call without a connection. */
    Exchange(String requestId, Instant startedAt, RoutingTable table, String clientIp, String method, String path,
             String query, MultiMap headers) {
        this(null, requestId, System.nanoTime(), startedAt, table, clientIp, method, path, query, headers);
    }

    private Exchange(HttpServerRequest request, String requestId, long startNanos, Instant startedAt,
                     RoutingTable table, String clientIp, String method, String path, String query, MultiMap headers) {
        this.request = request;
        this.requestId = requestId;
        this.startNanos = startNanos;
        this.startedAt = startedAt;
        this.table = table;
        this.clientIp = clientIp;
        this.method = method.length() > 10 ? method.substring(0, 10) : method;
        this.path = path;
        this.query = query;
        this.headers = headers;
    }

    String header(String name) {
        return headers.get(name);
    }

    AccessLogEntry entry(String nodeId, int status, String errorCode) {
        long total = (System.nanoTime() - startNanos) / 1000;
        String fullPath = query == null ? path : path + "?" + query;
        return new AccessLogEntry(startedAt, requestId, nodeId, channelCode, serviceCode, method,
                fullPath.length() > 2048 ? fullPath.substring(0, 2048) : fullPath, status, errorCode, upstreamStatus,
                total, upstreamMicros, bytesIn, bytesOut, clientIp, requestBody, responseBody, requestHeaders);
    }
}
