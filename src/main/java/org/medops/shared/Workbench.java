package org.medops.shared;

import java.util.List;

import org.springframework.security.core.Authentication;

/**
 * What a feature module puts on the home page's workbench. Each module implements it as a Spring bean and decides
 * itself, from the signed-in user's permissions, which numbers that person sees (none: an empty list), so the
 * console renders what it receives without knowing any feature. Every count equals the total of the list its
 * link opens.
 */
public interface Workbench {

    List<WorkbenchCard> cardsFor(Authentication who);

    static boolean holds(Authentication who, String permission) {
        return who != null && who.getAuthorities().stream().anyMatch(a -> permission.equals(a.getAuthority()));
    }
}
