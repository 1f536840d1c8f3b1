package org.medops.integration.targets;

import java.util.List;

import org.medops.integration.permissions.CanEditIntegrationChannels;
import org.medops.integration.permissions.CanOperateIntegration;
import org.medops.integration.permissions.CanReadIntegration;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Registered JDBC targets over REST; the password goes in, never out. */
@RestController
@RequestMapping("/api/v1/integration/targets")
class TargetsApi {

    private final JdbcTargets targets;

    TargetsApi(JdbcTargets targets) {
        this.targets = targets;
    }

    @GetMapping
    @CanReadIntegration
    List<JdbcTarget.TargetView> list() {
        return targets.all();
    }

    @GetMapping("/{code}")
    @CanReadIntegration
    JdbcTarget.TargetView one(@PathVariable String code) {
        return targets.view(code);
    }

    @PutMapping("/{code}")
    @CanEditIntegrationChannels
    ResponseEntity<JdbcTarget.TargetView> save(@PathVariable String code, @RequestBody JdbcTargets.NewTarget target,
                                               Authentication who) {
        boolean created = targets.save(code, target, who.getName());
        return ResponseEntity.status(created ? 201 : 200).body(targets.view(code));
    }

    @DeleteMapping("/{code}")
    @CanEditIntegrationChannels
    ResponseEntity<Void> delete(@PathVariable String code, Authentication who) {
        targets.delete(code, who.getName());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{code}/test")
    @CanOperateIntegration
    JdbcTargets.Tested test(@PathVariable String code, Authentication who) {
        return targets.test(code, who.getName());
    }
}
