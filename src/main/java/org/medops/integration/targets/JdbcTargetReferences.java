package org.medops.integration.targets;

import org.medops.integration.channels.ChannelReferences;
import org.springframework.stereotype.Component;

/** Lets a channel document name a registered JDBC target only when it exists. */
@Component
class JdbcTargetReferences implements ChannelReferences {

    private final JdbcTargets targets;

    JdbcTargetReferences(JdbcTargets targets) {
        this.targets = targets;
    }

    @Override
    public String kind() {
        return JDBC_TARGET;
    }

    @Override
    public boolean exists(String code) {
        return targets.exists(code);
    }
}
