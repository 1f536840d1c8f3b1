package org.medops.identity;

import java.util.ArrayList;
import java.util.List;

import org.medops.settings.PlatformSettings;

/** What a new password must satisfy. History is checked separately, against stored hashes. */
record PasswordPolicy(int minLength, int minCharacterClasses, int historySize) {

    static PasswordPolicy from(PlatformSettings settings) {
        return new PasswordPolicy(settings.passwordMinLength(), settings.passwordMinCharacterClasses(),
                settings.passwordHistorySize());
    }

    /** The stable codes of every rule the password breaks; empty when it is acceptable. */
    List<String> violations(String username, String password) {
        List<String> violations = new ArrayList<>();
        if (password == null || password.length() < minLength) {
            violations.add("password-too-short");
        }
        if (password != null && characterClasses(password) < minCharacterClasses) {
            violations.add("password-too-simple");
        }
        if (password != null && username != null && password.equalsIgnoreCase(username)) {
            violations.add("password-equals-username");
        }
        // BCrypt reads at most 72 bytes: anything longer would be silently cut, so it is refused.
        if (password != null && password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 72) {
            violations.add("password-too-long");
        }
        return violations;
    }

    /** Lower case, upper case, digits, and everything else count as the four classes. */
    static int characterClasses(String password) {
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean other = false;
        for (int i = 0; i < password.length(); i++) {
            char c = password.charAt(i);
            if (Character.isLowerCase(c)) {
                lower = true;
            } else if (Character.isUpperCase(c)) {
                upper = true;
            } else if (Character.isDigit(c)) {
                digit = true;
            } else {
                other = true;
            }
        }
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }
}
