package org.medops.portal.notices;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.medops.notify.CanManageNotifyTargets;
import org.medops.notify.CanReadNotifyTargets;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The notifier targets that hear of new access applications and developer registrations. */
@RestController
class PortalTargetsApi {

    private final PortalNotices notices;

    PortalTargetsApi(PortalNotices notices) {
        this.notices = notices;
    }

    @GetMapping("/api/v1/portal/notify-targets")
    @CanReadNotifyTargets
    Targets targets() {
        return new Targets(notices.targets());
    }

    @PutMapping("/api/v1/portal/notify-targets")
    @CanManageNotifyTargets
    Targets choose(@Valid @RequestBody Targets targets) {
        notices.chooseTargets(targets.targetIds());
        return new Targets(notices.targets());
    }

    record Targets(@NotNull List<Long> targetIds) {
    }
}
