package org.medops.identity;

import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * People by their display name wherever a page would print a username ({@code @people.name(e.actor())}).
 * Names are remembered briefly: a list of a hundred entries asks the database once per person, not per row.
 */
@Component("people")
public class People {

    private static final long TTL_MILLIS = 60_000;

    private final Users users;
    private final MessageSource messages;
    private final ConcurrentHashMap<String, Known> known = new ConcurrentHashMap<>();

    People(Users users, MessageSource messages) {
        this.users = users;
        this.messages = messages;
    }

    private record Known(String name, long at) {
    }

    /** The display name of {@code username}; the platform itself as 系统; an unknown name as given. */
    public String name(String username) {
        if (username == null || username.isBlank()) {
            return "—";
        }
        if (username.equals("system") || username.equals("anonymous")) {
            return messages.getMessage("people." + username, null, username, LocaleContextHolder.getLocale());
        }
        long now = System.currentTimeMillis();
        Known hit = known.get(username);
        if (hit == null || now - hit.at() > TTL_MILLIS) {
            String name = users.findByUsername(username).map(User::displayName)
                    .filter(n -> n != null && !n.isBlank()).orElse(username);
            hit = new Known(name, now);
            if (known.size() > 10_000) {
                known.clear();
            }
            known.put(username, hit);
        }
        return hit.name();
    }
}
