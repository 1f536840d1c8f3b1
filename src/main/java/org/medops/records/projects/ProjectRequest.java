package org.medops.records.projects;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A new project: {@code scenarios} are the core business scenarios the test report must cover (100 %), and
 * {@code notifyTargets} the notifier targets that get the reminders before each due date.
 */
record ProjectRequest(String name, List<String> systems, BigDecimal fee, LocalDate startedOn, List<String> scenarios,
                      List<Long> notifyTargets) {
}
