package org.medops.dataaccess;

/**
 * Tells whether what a scope names exists, for the kind of scope a module owns: the catalog its gateway services, the
 * integration engine its channels, the ops desk its tickets. A request for a scope that names nothing is refused, so
 * the committee never approves a grant for a typo (or for a record created later under that name).
 */
public interface ScopeDirectory {

    Scope.Kind kind();

    boolean exists(String ref);
}
