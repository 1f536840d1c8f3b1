package org.medops.identity;

import java.util.Collection;
import java.util.Map;

import org.springframework.stereotype.Service;

/**
 * People as documents and pages show them: the account's display name instead of its username. A username
 * without an account (a retired or free-text entry) is shown as it was recorded.
 */
@Service
public class DisplayNames {

    private final Users users;

    DisplayNames(Users users) {
        this.users = users;
    }

    public String of(String username) {
        if (username == null || username.isBlank()) {
            return username;
        }
        return users.displayNames(java.util.List.of(username)).getOrDefault(User.normalize(username), username);
    }

    /** Several at once, one query: username to display name, every given username present. */
    public Map<String, String> of(Collection<String> usernames) {
        Map<String, String> known = users.displayNames(usernames);
        java.util.Map<String, String> all = new java.util.LinkedHashMap<>();
        for (String username : usernames) {
            all.put(username, known.getOrDefault(User.normalize(username), username));
        }
        return all;
    }
}
