package org.medops.traffic;

import java.util.List;

import org.medops.shared.WorkbenchCard;
import org.springframework.security.core.Authentication;

/**
 * Numbers another module puts on the administrators' dashboard (open alerts, say), next to the traffic's own.
 * Like a {@link org.medops.shared.Workbench} each card's count is the total of the list its link opens; unlike it,
 * these stay on the dashboard, so the home page of an administrator remains the dashboard.
 */
public interface DashboardNumbers {

    List<WorkbenchCard> cardsFor(Authentication who);
}
