package org.medops.integration.store;

import org.medops.integration.permissions.CanOperateIntegration;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Running retention now, instead of waiting for the night (audited). */
@RestController
class RetentionApi {

    private final MessageRetention retention;

    RetentionApi(MessageRetention retention) {
        this.retention = retention;
    }

    @PostMapping("/api/v1/integration/retention/run")
    @CanOperateIntegration
    MessageRetention.RetentionReport run() {
        return retention.runNow();
    }
}
