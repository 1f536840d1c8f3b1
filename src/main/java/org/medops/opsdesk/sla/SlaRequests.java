package org.medops.opsdesk.sla;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/**
 * What the SLA settings and the systems list take, validated once: the API reads them from JSON, the console binds
 * (or assembles) the same records and validates them with the same annotations, so a limit such as a name's 128
 * characters is stated here only. Text is taken without surrounding blanks.
 */
final class SlaRequests {

    private SlaRequests() {
    }

    /** A new version of a priority's policy; a blank calendar means the default one. */
    record PolicyChange(@NotBlank @Size(max = 128) String name, String calendar,
                        @NotEmpty @Size(max = 4) List<@Valid SlaTarget> targets) {
        PolicyChange {
            name = strip(name);
        }
    }

    /** A system's name and whether new faults may be reported against it; the code is the path (or a form field). */
    record SystemChange(@NotBlank @Size(max = 128) String name, boolean active) {
        SystemChange {
            name = strip(name);
        }
    }

    private static String strip(String text) {
        return text == null ? null : text.strip();
    }
}
