package org.medops.opsdesk;

/**
 * Consulted before the hospital's written authorization of a change is recorded: a feature that attaches
 * preconditions to a change (an upgrade's assessment and plan the hospital must agree to first) refuses here with a
 * {@link org.medops.shared.ProblemException}, and the authorization is not recorded.
 */
public interface ChangeAuthorizationGuard {

    void beforeAuthorization(ChangeSummary change);
}
