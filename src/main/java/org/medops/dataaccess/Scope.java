package org.medops.dataaccess;

import java.util.Locale;

/**
 * What a sensitive-data grant opens: one gateway service's captured bodies and headers ({@code SERVICE}, by service
 * code), one integration channel's messages ({@code CHANNEL}, by channel code), one ticket's attachments
 * ({@code TICKET}, by ticket id).
 */
public record Scope(Kind kind, String ref) {

    public enum Kind { SERVICE, CHANNEL, TICKET }

    public Scope {
        if (kind == null || ref == null || ref.isBlank()) {
            throw new IllegalArgumentException("a scope needs a kind and a reference");
        }
        ref = ref.strip();
    }

    public static Scope service(String code) {
        return new Scope(Kind.SERVICE, code);
    }

    public static Scope channel(String code) {
        return new Scope(Kind.CHANNEL, code);
    }

    public static Scope ticket(long id) {
        return new Scope(Kind.TICKET, Long.toString(id));
    }

    /** How the audit trail names it: {@code channel:adt-in}. */
    @Override
    public String toString() {
        return kind.name().toLowerCase(Locale.ROOT) + ":" + ref;
    }
}
