package org.medops.identity;

import java.util.Set;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What it takes to create an account; a blank password means "generate a temporary one". */
record NewUser(
        @NotBlank @Size(min = 3, max = 64) @Pattern(regexp = "[A-Za-z0-9._-]+", message = "{validation.username}") String username,
        @NotBlank @Size(max = 128) String displayName,
        @Email @Size(max = 256) String email,
        @Size(max = 128) String password,
        @NotNull Set<@NotBlank String> roles) {
}
