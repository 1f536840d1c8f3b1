package org.medops.payment.sandbox;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param enabled      whether the sandbox starts (demo and tests; never in production)
 * @param port         its port; 0 for any free one
 * @param notifyDelayMs how long after a refund is accepted the sandbox reports it done
 */
@ConfigurationProperties("medops.payment.sandbox")
record SandboxSettings(boolean enabled, Integer port, Integer notifyDelayMs) {

    SandboxSettings {
        port = port == null ? 9380 : port;
        notifyDelayMs = notifyDelayMs == null ? 200 : notifyDelayMs;
    }
}
