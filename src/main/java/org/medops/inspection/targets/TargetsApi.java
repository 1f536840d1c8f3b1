package org.medops.inspection.targets;

import java.util.List;

import org.medops.inspection.checks.ConnectionTest;
import org.medops.inspection.permissions.CanEditInspectionTargets;
import org.medops.inspection.permissions.CanReadInspection;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Targets over REST. A save answers the target and its connection test: {@code {"target": …, "test": {"ok",
 * "detail"}}}; a failed test does not undo the save.
 */
@RestController("inspectionTargetsApi")
@RequestMapping("/api/v1/inspection/targets")
class TargetsApi {

    private final Targets targets;

    TargetsApi(Targets targets) {
        this.targets = targets;
    }

    @GetMapping
    @CanReadInspection
    List<Target> list(@RequestParam(defaultValue = "false") boolean retired) {
        return targets.all(retired);
    }

    @GetMapping("/{code}")
    @CanReadInspection
    Target one(@PathVariable String code) {
        return targets.get(code);
    }

    @PostMapping
    @CanEditInspectionTargets
    ResponseEntity<Targets.Saved> create(@RequestBody TargetInput input, Authentication who) {
        return ResponseEntity.status(201).body(targets.create(input, who.getName()));
    }

    @PutMapping("/{code}")
    @CanEditInspectionTargets
    Targets.Saved update(@PathVariable String code, @RequestBody TargetInput input, Authentication who) {
        return targets.update(code, input, who.getName());
    }

    @PostMapping("/{code}/retire")
    @CanEditInspectionTargets
    ResponseEntity<Void> retire(@PathVariable String code, Authentication who) {
        targets.retire(code, who.getName());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{code}/test")
    @CanEditInspectionTargets
    ConnectionTest test(@PathVariable String code) {
        return targets.test(code);
    }
}
