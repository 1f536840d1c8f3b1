package org.medops.portal.registration;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a developer fills in to register. {@code channelCode} names the channel they work for when they
 * know it; left blank, the approving administrator chooses (or creates) one.
 */
record RegistrationForm(@NotBlank @Size(min = 3, max = 64) @Pattern(regexp = "[A-Za-z0-9._-]+", message = "{validation.username}") String username,
                        @NotBlank @Size(max = 128) String displayName,
                        @NotBlank @Email @Size(max = 256) String email,
                        @Size(max = 32) @Pattern(regexp = "[0-9+\\- ]*", message = "{validation.phone}") String phone,
                        @NotBlank @Size(max = 256) String organisation,
                        @Size(max = 32) String channelCode,
                        @Size(max = 2000) String note,
                        @NotBlank @Size(max = 128) String password,
                        @Size(max = 128) String confirmPassword) {

    static RegistrationForm blank() {
        return new RegistrationForm("", "", "", "", "", "", "", "", "");
    }

    /** The same form without the passwords, to show it again after a refusal. */
    RegistrationForm withoutPasswords() {
        return new RegistrationForm(username, displayName, email, phone, organisation, channelCode, note, "", "");
    }

    @Override
    public String toString() {
        return "RegistrationForm[username=" + username + ", password=******]";
    }
}
