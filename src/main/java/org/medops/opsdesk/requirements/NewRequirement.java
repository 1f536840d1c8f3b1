package org.medops.opsdesk.requirements;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.medops.shared.ProblemException;

/** What hospital staff fill in to submit a requirement. */
record NewRequirement(@NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 10000) String description,
                      @NotBlank String systemCode, @NotBlank @Size(max = 64) String submitter,
                      @Size(max = 128) String contact) {

    /** The console's form is not bean-validated, so the desk checks again. */
    void requireComplete() {
        if (blank(title) || blank(description) || blank(systemCode) || blank(submitter)) {
            throw ProblemException.invalid("requirement-incomplete");
        }
        if (title.length() > 200 || submitter.length() > 64 || (contact != null && contact.length() > 128)) {
            throw ProblemException.invalid("text-too-long");
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
