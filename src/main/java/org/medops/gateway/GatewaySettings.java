package org.medops.gateway;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param cacheDir        where the node keeps its last configuration and spilled access logs
 * @param redisUrl        cluster-wide rate limits and replay protection when set
 * @param nodeId          name reported on the gateway-nodes page; blank derives host:port
 * @param eventLoops      Vert.x event loops; 0 means one per core
 * @param headerTimeout   how long a client may take to send a request head (line and headers); the
 *                        idle timeout alone restarts with every byte, so a slow sender could hold a
 *                        connection for ever
 * @param maskedHeaders   captured request headers stored with their first four characters only, besides
 *                        Authorization, Proxy-Authorization, Cookie and X-Signature (always masked)
 * @param maskedFields    JSON fields (any case) and form fields whose values are stored as "***" in every
 *                        captured body, besides each service's own masked fields
 */
@ConfigurationProperties("medops.gateway")
record GatewaySettings(int port, long maxBodyBytes, Duration clockSkew, Duration nonceWindow, Path cacheDir,
                       String redisUrl, String nodeId, int accessLogBatch, Duration accessLogFlush,
                       int accessLogRetentionDays, int captureLimitBytes, int eventLoops,
                       Duration headerTimeout, java.util.List<String> maskedHeaders,
                       java.util.List<String> maskedFields) {

    GatewaySettings {
        headerTimeout = headerTimeout == null ? Duration.ofSeconds(10) : headerTimeout;
        maskedHeaders = maskedHeaders == null ? java.util.List.of() : java.util.List.copyOf(maskedHeaders);
        maskedFields = maskedFields == null ? java.util.List.of() : java.util.List.copyOf(maskedFields);
    }
}
