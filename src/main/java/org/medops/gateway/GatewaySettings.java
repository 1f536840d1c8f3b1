package org.medops.gateway;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param cacheDir        where the node keeps its last configuration and spilled access logs
 * @param redisUrl        cluster-wide rate limits and replay protection when set
 * @param nodeId          name reported on the gateway-nodes page; blank derives host:port
 * @param eventLoops      Vert.x event loops; 0 means one per core
 */
@ConfigurationProperties("medops.gateway")
record GatewaySettings(int port, long maxBodyBytes, Duration clockSkew, Duration nonceWindow, Path cacheDir,
                       String redisUrl, String nodeId, int accessLogBatch, Duration accessLogFlush,
                       int accessLogRetentionDays, int captureLimitBytes, int eventLoops) {
}
