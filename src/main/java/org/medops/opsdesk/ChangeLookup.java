package org.medops.opsdesk;

import java.util.List;
import java.util.Optional;

/** Changes by id or by system, for features that hang their own records on a change (an upgrade is one). */
public interface ChangeLookup {

    Optional<ChangeSummary> find(long id);

    /** The system's changes, newest planned first, at most {@code limit}. */
    List<ChangeSummary> forSystem(String systemCode, int limit);
}
