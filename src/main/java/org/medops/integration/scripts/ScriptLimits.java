package org.medops.integration.scripts;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * What one script run may use: CPU time of its thread and bytes it allocates (Java heap, garbage included).
 * Defaults: 1 s and 64 MB, far above what mapping one message takes.
 */
@ConfigurationProperties("medops.integration.scripts")
public record ScriptLimits(Duration cpuTime, DataSize allocation) {

    public static final ScriptLimits DEFAULT = new ScriptLimits(null, null);

    public ScriptLimits {
        cpuTime = cpuTime == null ? Duration.ofSeconds(1) : cpuTime;
        allocation = allocation == null ? DataSize.ofMegabytes(64) : allocation;
    }
}
