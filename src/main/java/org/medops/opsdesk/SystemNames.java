package org.medops.opsdesk;

import java.util.Collection;
import java.util.stream.Collectors;

import org.medops.shared.CodeLabels;
import org.springframework.stereotype.Component;

/** Hospital systems by their name where a page would print the code ({@code @systemNames.name(c.systemCode())}). */
@Component("systemNames")
public class SystemNames implements CodeLabels {

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

    /** In audit details a ticket's {@code systems} and a record's {@code systemCode} are hospital systems. */
    @Override
    public java.util.Optional<String> label(String field, String code) {
        if (!field.equals("systems") && !field.equals("systemCode") && !field.equals("system")) {
            return java.util.Optional.empty();
        }
        return systems.find(code).map(OpsdeskSystems.OpsdeskSystem::name);
    }

    public String names(Collection<String> codes) {
        return codes == null ? "—" : codes.stream().map(this::name).collect(Collectors.joining("、"));
    }
}
