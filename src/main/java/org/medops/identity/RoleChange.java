package org.medops.identity;

import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A role's new name, description and permissions: the console's edit form and the API's PUT bind this one record. */
record RoleChange(@NotBlank @Size(max = 128) String name, @Size(max = 512) String description,
                  @NotNull Set<String> permissions) {
}
