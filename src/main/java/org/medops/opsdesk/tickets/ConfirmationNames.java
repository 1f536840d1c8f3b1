package org.medops.opsdesk.tickets;

import java.util.List;
import java.util.stream.Collectors;

import org.medops.identity.DisplayNames;
import org.medops.opsdesk.OpsdeskSystems;
import org.springframework.stereotype.Component;

/**
 * Names for the 故障修复确认单, which is signed on paper: people by their display name and systems by their
 * name, never the account or code a reader cannot check. The print page and the PDF call {@code @confirmationNames}.
 */
@Component("confirmationNames")
class ConfirmationNames {

    private final DisplayNames people;
    private final OpsdeskSystems systems;

    ConfirmationNames(DisplayNames people, OpsdeskSystems systems) {
        this.people = people;
        this.systems = systems;
    }

    /** A person's display name, or a dash when nobody is recorded. */
    public String person(String username) {
        return username == null || username.isBlank() ? "—" : people.of(username);
    }

    /** The systems' names, comma-separated; a retired or unknown code stands as it is. */
    public String systems(List<String> codes) {
        return codes.stream().map(code -> systems.find(code).map(OpsdeskSystems.OpsdeskSystem::name).orElse(code))
                .collect(Collectors.joining(", "));
    }
}
