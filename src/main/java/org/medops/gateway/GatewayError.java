package org.medops.gateway;

/** The gateway's stable error codes; documented in docs/gateway-signature.md. */
enum GatewayError {
    BAD_PATH(400, "MEDOPS-BAD-PATH", "路径含有 . 或 .. 段或反斜杠 (path with dot segments or backslashes)"),
    AUTH_MISSING(401, "MEDOPS-AUTH-MISSING", "缺少签名头 X-App-Key / X-Timestamp / X-Nonce(≥16) / X-Signature (signature headers missing)"),
    AUTH_SIGNATURE(401, "MEDOPS-AUTH-SIGNATURE", "签名校验失败 (signature does not match)"),
    AUTH_EXPIRED(401, "MEDOPS-AUTH-EXPIRED", "时间戳超出允许的时钟偏差 (timestamp outside the allowed clock skew)"),
    AUTH_REPLAY(401, "MEDOPS-AUTH-REPLAY", "随机数已使用，疑似重放 (nonce already used)"),
    ACCESS_DENIED(403, "MEDOPS-ACCESS-DENIED", "渠道无权访问该服务 (channel may not call this service)"),
    SERVICE_NOT_FOUND(404, "MEDOPS-SERVICE-NOT-FOUND", "服务不存在 (no such service)"),
    METHOD_NOT_ALLOWED(405, "MEDOPS-METHOD-NOT-ALLOWED", "服务不接受该 HTTP 方法 (method not allowed)"),
    HEADER_TIMEOUT(408, "MEDOPS-HEADER-TIMEOUT", "请求头未在时限内发完，连接已关闭 (request head not received in time)"),
    BODY_TOO_LARGE(413, "MEDOPS-BODY-TOO-LARGE", "请求体超过上限 (request body too large)"),
    RATE_LIMITED(429, "MEDOPS-RATE-LIMITED", "调用频率超限 (rate limit exceeded)"),
    QUOTA_EXCEEDED(429, "MEDOPS-QUOTA-EXCEEDED", "当日调用配额已用完 (daily quota exhausted)"),
    UPSTREAM_UNAVAILABLE(502, "MEDOPS-UPSTREAM-UNAVAILABLE", "上游系统不可用 (upstream unavailable)"),
    CIRCUIT_OPEN(503, "MEDOPS-CIRCUIT-OPEN", "服务已熔断，请稍后重试 (circuit open)"),
    SERVICE_OFFLINE(503, "MEDOPS-SERVICE-OFFLINE", "服务已下线 (service offline)"),
    UPSTREAM_TIMEOUT(504, "MEDOPS-UPSTREAM-TIMEOUT", "上游系统响应超时 (upstream timed out)");

    private final int status;
    private final String code;
    private final String message;

    GatewayError(int status, String code, String message) {
        this.status = status;
        this.code = code;
        this.message = message;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    /** The JSON body callers receive; request ids are generated or validated, so never need escaping. */
    String body(String requestId) {
        return "{\"code\":\"" + code + "\",\"message\":\"" + message + "\",\"requestId\":\"" + requestId + "\"}";
    }
}
