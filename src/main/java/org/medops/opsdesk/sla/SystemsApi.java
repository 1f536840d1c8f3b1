package org.medops.opsdesk.sla;

import org.medops.opsdesk.OpsdeskSystems;

import java.util.List;

import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The managed list of hospital systems (HIS, LIS, PACS, …): read by everyone on the desk, kept by its managers. */
@RestController
@RequestMapping("/api/v1/opsdesk/systems")
class SystemsApi {

    private final OpsdeskSystems systems;
    private final SlaAdministration administration;

    SystemsApi(OpsdeskSystems systems, SlaAdministration administration) {
        this.systems = systems;
        this.administration = administration;
    }

    @GetMapping
    @CanReadSystems
    List<OpsdeskSystems.OpsdeskSystem> all() {
        return systems.all();
    }

    @PutMapping("/{code}")
    @CanManageSystems
    OpsdeskSystems.OpsdeskSystem save(@PathVariable String code, @Valid @RequestBody SlaRequests.SystemChange change) {
        return administration.saveSystem(code, change);
    }
}
