package org.medops.gateway;

import java.time.Instant;

import io.vertx.core.http.HttpServerRequest;

/** The mutable facts of one request as it moves through the pipeline, for its access-log record. */
final class Exchange {

    final HttpServerRequest request;
    final String requestId;
    final long startNanos;
    final Instant startedAt;
    final String clientIp;
    final String method;
    final String path;
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

    Exchange(HttpServerRequest request, String requestId, long startNanos, Instant startedAt) {
        this.request = request;
        this.requestId = requestId;
        this.startNanos = startNanos;
        this.startedAt = startedAt;
        this.clientIp = request.remoteAddress() == null ? null : request.remoteAddress().host();
        String name = request.method().name();
        this.method = name.length() > 10 ? name.substring(0, 10) : name;
        this.path = request.path();
    }

    AccessLogEntry entry(String nodeId, int status, String errorCode) {
        long total = (System.nanoTime() - startNanos) / 1000;
        String fullPath = request.query() == null ? path : path + "?" + request.query();
        return new AccessLogEntry(startedAt, requestId, nodeId, channelCode, serviceCode, method,
                fullPath.length() > 2048 ? fullPath.substring(0, 2048) : fullPath, status, errorCode, upstreamStatus,
                total, upstreamMicros, bytesIn, bytesOut, clientIp, requestBody, responseBody, requestHeaders);
    }
}
