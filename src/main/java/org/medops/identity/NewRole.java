package org.medops.identity;

import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

record NewRole(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z][A-Za-z0-9_]*", message = "{validation.roleCode}") String code,
        @NotBlank @Size(max = 128) String name,
        @Size(max = 512) String description,
        @NotNull Set<@NotBlank String> permissions) {
}
