package org.medops.gateway;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import org.medops.catalog.ServiceDefinition;

/**
 * The pipeline of one call: request id, service, signature, replay, channel state, IP allow-list,
 * grant, rate limits and quota, circuit breaker (or fallback), proxy with retries, access log.
 * Runs on the event loop and never blocks.
 */
final class ProxyHandler implements Handler<HttpServerRequest> {

    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host", "content-length");
    private static final Set<String> SIGNATURE_HEADERS = Set.of("x-app-key", "x-timestamp", "x-nonce", "x-signature");
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    /** A "." or ".." segment, raw or percent-encoded: it could lead upstream outside the granted service. */
    private static final Pattern DOT_SEGMENT = Pattern.compile("(^|/)(\\.|%2[eE]){1,2}(/|$)");

    private final ConfigFeed config;
    private final HttpClient client;
    private final Limiter limiter;
    private final AccessLogWriter accessLog;
    private final GatewaySettings settings;
    private final String nodeId;
    private final Clock clock;
    private final ZoneId quotaZone;
    private final java.util.Set<String> maskedHeaders;
    private final BodyMasker credentials;

    ProxyHandler(ConfigFeed config, HttpClient client, Limiter limiter, AccessLogWriter accessLog,
                 GatewaySettings settings, String nodeId, Clock clock, ZoneId quotaZone) {
        this.config = config;
        this.client = client;
        this.limiter = limiter;
        this.accessLog = accessLog;
        this.settings = settings;
        this.nodeId = nodeId;
        this.clock = clock;
        this.quotaZone = quotaZone;
        this.maskedHeaders = maskedHeaders(settings.maskedHeaders());
        this.credentials = new BodyMasker(settings.maskedFields(), true);
    }

    /** Credentials of HTTP itself are always masked; the configured names come on top. */
    static java.util.Set<String> maskedHeaders(java.util.List<String> configured) {
        java.util.Set<String> names = new java.util.HashSet<>(java.util.Set.of("authorization", "proxy-authorization",
                "cookie", "x-signature"));
        configured.forEach(name -> names.add(name.strip().toLowerCase(java.util.Locale.ROOT)));
        return java.util.Set.copyOf(names);
    }

    @Override
    public void handle(HttpServerRequest request) {
        String presentedId = request.getHeader("X-Request-Id");
        String requestId = presentedId != null && REQUEST_ID.matcher(presentedId).matches()
                ? presentedId : newRequestId();
        Exchange exchange = new Exchange(request, requestId, System.nanoTime(), clock.instant());
        RoutingTable table = config.current();
        if (!METHODS.contains(exchange.method)) {
            fail(exchange, GatewayError.METHOD_NOT_ALLOWED);
            return;
        }
        if (exchange.path.indexOf('\\') >= 0 || DOT_SEGMENT.matcher(exchange.path).find()) {
            fail(exchange, GatewayError.BAD_PATH);
            return;
        }

        String serviceCode = serviceCode(exchange.path);
        ServiceRuntime service = serviceCode == null ? null : table.service(serviceCode);
        if (service == null) {
            fail(exchange, GatewayError.SERVICE_NOT_FOUND);
            return;
        }
        exchange.serviceCode = serviceCode;
        ServiceDefinition definition = service.definition();
        if (!definition.online()) {
            fail(exchange, GatewayError.SERVICE_OFFLINE);
            return;
        }
        if (!definition.allows(exchange.method)) {
            fail(exchange, GatewayError.METHOD_NOT_ALLOWED);
            return;
        }
        String appKey = request.getHeader("X-App-Key");
        String timestamp = request.getHeader("X-Timestamp");
        String nonce = request.getHeader("X-Nonce");
        String signature = request.getHeader("X-Signature");
        if (isBlank(appKey) || isBlank(timestamp) || isBlank(signature) || nonce == null || nonce.length() < 16
                || nonce.length() > 128) {
            fail(exchange, GatewayError.AUTH_MISSING);
            return;
        }
        long millis;
        try {
            millis = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            fail(exchange, GatewayError.AUTH_MISSING);
            return;
        }
        // Everything that needs no body is checked before a byte of it is buffered.
        ChannelRuntime channel = table.channel(appKey);
        if (channel == null) {
            fail(exchange, GatewayError.AUTH_SIGNATURE);
            return;
        }
        exchange.channelCode = channel.access().code();
        if (Math.abs(clock.instant().toEpochMilli() - millis) > settings.clockSkew().toMillis()) {
            fail(exchange, GatewayError.AUTH_EXPIRED);
            return;
        }
        long declaredLength = contentLength(request);
        if (declaredLength > settings.maxBodyBytes()) {
            refuseBody(exchange);
            return;
        }
        readBody(exchange).onSuccess(body -> {
            if (body == null) {
                refuseBody(exchange);
                return;
            }
            authenticate(exchange, table, service, channel, appKey, timestamp, nonce, signature, body);
        }).onFailure(e -> exchange.request.connection().close());
    }

    private void authenticate(Exchange exchange, RoutingTable table, ServiceRuntime service, ChannelRuntime channel,
                              String appKey, String timestamp, String nonce, String signature, Buffer body) {
        Instant now = clock.instant();
        String stringToSign = Signature.stringToSign(exchange.method, exchange.path, exchange.request.query(),
                timestamp, nonce, body.getBytes());
        boolean valid = channel.secrets().stream().filter(s -> s.validAt(now))
                .anyMatch(s -> Signature.matches(Signature.sign(s.secret(), stringToSign), signature));
        if (!valid) {
            fail(exchange, GatewayError.AUTH_SIGNATURE);
            return;
        }
        limiter.firstUse(appKey + ":" + nonce).onComplete(first -> {
            if (!Boolean.TRUE.equals(first.result())) {
                fail(exchange, GatewayError.AUTH_REPLAY);
            } else {
                authorize(exchange, table, service, channel, body);
            }
        });
    }

    private void authorize(Exchange exchange, RoutingTable table, ServiceRuntime service, ChannelRuntime channel,
                           Buffer body) {
        if (!channel.access().enabled() || !channel.allowList().allows(exchange.clientIp)
                || !table.granted(channel.access().code(), exchange.serviceCode)) {
            fail(exchange, GatewayError.ACCESS_DENIED);
            return;
        }
        Integer channelRate = channel.access().quotaPerSecond();
        Integer serviceRate = service.definition().rateLimitPerSecond();
        Long daily = channel.access().quotaPerDay();
        Future<Boolean> channelOk = channelRate == null ? Future.succeededFuture(true)
                : limiter.allow("channel:" + channel.access().code(), channelRate);
        channelOk.compose(ok -> !ok || serviceRate == null ? Future.succeededFuture(ok)
                        : limiter.allow("service:" + exchange.serviceCode, serviceRate))
                .onComplete(rate -> {
                    if (!Boolean.TRUE.equals(rate.result())) {
                        exchange.request.response().putHeader("Retry-After", "1");
                        fail(exchange, GatewayError.RATE_LIMITED);
                        return;
                    }
                    Long grantDaily = table.grantQuota(channel.access().code(), exchange.serviceCode);
                    if (daily == null && grantDaily == null) {
                        guard(exchange, service, channel, body);
                        return;
                    }
                    LocalDate today = LocalDate.now(clock.withZone(quotaZone));
                    Future<Boolean> channelQuota = daily == null ? Future.succeededFuture(true)
                            : limiter.allowDaily("channel:" + channel.access().code(), daily, today);
                    channelQuota.compose(ok -> !ok || grantDaily == null ? Future.succeededFuture(ok)
                                    : limiter.allowDaily("grant:" + channel.access().code() + ":" + exchange.serviceCode,
                                            grantDaily, today))
                            .onComplete(quota -> {
                                if (!Boolean.TRUE.equals(quota.result())) {
                                    long untilMidnight = Duration.between(clock.instant(),
                                            today.plusDays(1).atStartOfDay(quotaZone).toInstant()).toSeconds();
                                    exchange.request.response().putHeader("Retry-After",
                                            Long.toString(Math.max(1, untilMidnight)));
                                    fail(exchange, GatewayError.QUOTA_EXCEEDED);
                                } else {
                                    guard(exchange, service, channel, body);
                                }
                            });
                });
    }

    /** The circuit breaker (熔断): while open, the fallback answers, or 503 when there is none. */
    private void guard(Exchange exchange, ServiceRuntime service, ChannelRuntime channel, Buffer body) {
        CircuitBreaker breaker = service.breaker();
        if (!breaker.tryAcquirePermission()) {
            ServiceDefinition.Fallback fallback = service.definition().fallback();
            if (fallback == null) {
                fail(exchange, GatewayError.CIRCUIT_OPEN);
            } else {
                Buffer fallbackBody = Buffer.buffer(fallback.body() == null ? "" : fallback.body());
                exchange.bytesOut = fallbackBody.length();
                log(exchange, fallback.status(), GatewayError.CIRCUIT_OPEN.code());
                exchange.request.response().setStatusCode(fallback.status())
                        .putHeader("Content-Type", fallback.contentType())
                        .putHeader("X-Request-Id", exchange.requestId)
                        .putHeader("X-MedOps-Fallback", "circuit-open")
                        .end(fallbackBody);
            }
            return;
        }
        if (service.definition().captureBodies()) {
            exchange.requestBody = capture(service, body);
            exchange.requestHeaders = capturedHeaders(exchange.request.headers(), maskedHeaders);
        }
        attempt(exchange, service, channel, body, service.attemptsFor(exchange.method));
    }

    private void attempt(Exchange exchange, ServiceRuntime service, ChannelRuntime channel, Buffer body, int attemptsLeft) {
        ServiceDefinition definition = service.definition();
        Upstreams upstreams = service.upstreams();
        int index = upstreams.pick(System.nanoTime());
        java.net.URI target = upstreams.target(index);
        // Upstream receives exactly the query that was signed, so no re-encoding can change its meaning.
        String query = exchange.request.query() == null ? null : Signature.canonicalQuery(exchange.request.query());
        String uri = target.getScheme() + "://" + target.getAuthority() + stripSlash(target.getPath())
                + definition.upstreamPath(exchange.path) + (query == null || query.isEmpty() ? "" : "?" + query);
        RequestOptions options = new RequestOptions()
                .setAbsoluteURI(uri)
                .setMethod(HttpMethod.valueOf(exchange.method))
                .setHeaders(upstreamHeaders(exchange, channel))
                .setConnectTimeout(definition.connectTimeoutMs())
                .setIdleTimeout(definition.readTimeoutMs());
        long upstreamStart = System.nanoTime();
        client.request(options)
                .compose(upstreamRequest -> upstreamRequest.send(body))
                .onSuccess(response -> {
                    long elapsed = System.nanoTime() - upstreamStart;
                    if (response.statusCode() >= 500 && attemptsLeft > 1) {
                        response.body();
                        attempt(exchange, service, channel, body, attemptsLeft - 1);
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
                    relay(exchange, service, response);
                })
                .onFailure(error -> {
                    long elapsed = System.nanoTime() - upstreamStart;
                    boolean timeout = isTimeout(error);
                    if (!timeout) {
                        upstreams.markDown(index, System.nanoTime());
                    }
                    if (attemptsLeft > 1) {
                        attempt(exchange, service, channel, body, attemptsLeft - 1);
                        return;
                    }
                    service.breaker().onError(elapsed, TimeUnit.NANOSECONDS, error);
                    exchange.upstreamMicros = elapsed / 1000;
                    fail(exchange, timeout ? GatewayError.UPSTREAM_TIMEOUT : GatewayError.UPSTREAM_UNAVAILABLE);
                });
    }

    /** Streams the upstream response to the caller with back-pressure, counting bytes. */
    private void relay(Exchange exchange, ServiceRuntime service, HttpClientResponse upstream) {
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
        boolean capture = service.definition().captureBodies();
        Buffer captured = capture ? Buffer.buffer() : null;
        upstream.handler(chunk -> {
            exchange.bytesOut += chunk.length();
            if (capture && captured.length() < settings.captureLimitBytes()) {
                captured.appendBuffer(chunk);
            }
            response.write(chunk);
            if (response.writeQueueFull()) {
                upstream.pause();
                response.drainHandler(v -> upstream.resume());
            }
        });
        upstream.exceptionHandler(e -> {
            log(exchange, 502, GatewayError.UPSTREAM_UNAVAILABLE.code());
            response.reset();
        });
        upstream.endHandler(v -> {
            if (capture) {
                exchange.responseBody = capture(service, captured);
            }
            log(exchange, upstream.statusCode(), null);
            response.end();
        });
    }

    private Future<Buffer> readBody(Exchange exchange) {
        io.vertx.core.Promise<Buffer> promise = io.vertx.core.Promise.promise();
        Buffer body = Buffer.buffer();
        HttpServerRequest request = exchange.request;
        request.handler(chunk -> {
            if (body.length() + chunk.length() > settings.maxBodyBytes()) {
                request.handler(null);
                promise.tryComplete(null);
            } else {
                body.appendBuffer(chunk);
            }
        });
        request.endHandler(v -> {
            exchange.bytesIn = body.length();
            promise.tryComplete(body);
        });
        request.exceptionHandler(promise::tryFail);
        return promise.future();
    }

    private MultiMap upstreamHeaders(Exchange exchange, ChannelRuntime channel) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        exchange.request.headers().forEach((name, value) -> {
            String lower = name.toLowerCase();
            if (!HOP_BY_HOP.contains(lower) && !SIGNATURE_HEADERS.contains(lower)) {
                headers.add(name, value);
            }
        });
        headers.set("X-Request-Id", exchange.requestId);
        headers.set("X-MedOps-Channel", channel.access().code());
        String forwarded = exchange.request.getHeader("X-Forwarded-For");
        headers.set("X-Forwarded-For", forwarded == null ? exchange.clientIp : forwarded + ", " + exchange.clientIp);
        return headers;
    }

    /** The caller may still be sending: answer, then close the connection rather than drain it. */
    private void refuseBody(Exchange exchange) {
        exchange.request.response().putHeader("Connection", "close")
                .endHandler(v -> exchange.request.connection().close());
        fail(exchange, GatewayError.BODY_TOO_LARGE);
    }

    private void fail(Exchange exchange, GatewayError error) {
        HttpServerResponse response = exchange.request.response();
        if (response.ended() || response.headWritten()) {
            log(exchange, error.status(), error.code());
            return;
        }
        Buffer body = Buffer.buffer(error.body(exchange.requestId), "UTF-8");
        exchange.bytesOut = body.length();
        log(exchange, error.status(), error.code());
        response.setStatusCode(error.status())
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader("X-Request-Id", exchange.requestId)
                .end(body);
    }

    /** Called before the answer is sent: the journal holds the record of every call a caller saw answered. */
    private void log(Exchange exchange, int status, String errorCode) {
        if (!exchange.logged) {
            exchange.logged = true;
            accessLog.record(exchange.entry(nodeId, status, errorCode));
        }
    }

    /** Headers one per line; credentials keep only their first characters. */
    static String capturedHeaders(MultiMap headers, java.util.Set<String> masked) {
        StringBuilder out = new StringBuilder();
        headers.forEach((name, value) -> {
            boolean secret = masked.contains(name.toLowerCase(java.util.Locale.ROOT));
            out.append(name).append(": ")
                    .append(secret ? value.substring(0, Math.min(4, value.length())) + "******" : value).append('\n');
        });
        return out.toString();
    }

    private String capture(ServiceRuntime service, Buffer body) {
        int length = Math.min(body.length(), settings.captureLimitBytes());
        String text = new String(body.getBytes(0, length), StandardCharsets.UTF_8);
        return credentials.mask(service.masker().mask(text));
    }

    /** A random (version 4) UUID without the shared SecureRandom that UUID.randomUUID() contends on. */
    static String newRequestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    private static String serviceCode(String path) {
        if (path == null || path.length() < 2 || path.charAt(0) != '/') {
            return null;
        }
        int slash = path.indexOf('/', 1);
        return slash < 0 ? path.substring(1) : path.substring(1, slash);
    }

    private static long contentLength(HttpServerRequest request) {
        String header = request.getHeader("Content-Length");
        try {
            return header == null ? -1 : Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean isTimeout(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            String name = t.getClass().getSimpleName().toLowerCase();
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase();
            if (name.contains("timeout") || message.contains("timeout") || message.contains("timed out")) {
                return true;
            }
        }
        return false;
    }

    private static String stripSlash(String path) {
        return path == null || path.equals("/") ? "" : path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
