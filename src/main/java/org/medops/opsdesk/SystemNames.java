package org.medops.opsdesk;

import java.util.Collection;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/** Hospital systems by their name where a page would print the code ({@code @systemNames.name(c.systemCode())}). */
@Component("systemNames")
public class SystemNames {

    private final OpsdeskSystems systems;

    SystemNames(OpsdeskSystems systems) {
        this.systems = systems;
    }

    public String name(String code) {
        if (code == null || code.isBlank()) {
            return "—";
        }
        return systems.find(code).map(OpsdeskSystems.OpsdeskSystem::name).orElse(code);
    }

    public String names(Collection<String> codes) {
        return codes == null ? "—" : codes.stream().map(this::name).collect(Collectors.joining("、"));
    }
}
