package org.medops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(MedopsApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void theOpsDeskIsMadeOfNestedModules() {
        assertThat(modules.stream().map(module -> module.getIdentifier().toString())
                .filter(id -> id.startsWith("opsdesk.")))
                .containsExactlyInAnyOrder("opsdesk.calendar", "opsdesk.sla", "opsdesk.tickets", "opsdesk.requirements",
                        "opsdesk.defects", "opsdesk.changes", "opsdesk.insight");
    }

    /** The module documentation (PlantUML diagrams) the architecture notes link to. */
    @Test
    void writesTheModuleDocumentation() {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();
    }
}
