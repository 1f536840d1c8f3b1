/**
 * Topic data (主题数据): departments, doctors and clinic schedules, each field with its data class (public, internal,
 * personal). Every change is a draft a second person approves (or refuses with a reason); approval publishes it under
 * a version number that only grows; each record keeps its history with field-level diffs, and rolling back is a
 * reviewed change too. Urgent clinic cancellations may be published by one approver, marked as such.
 */
@ApplicationModule(displayName = "Publication topics")
package org.medops.publication.topics;

import org.springframework.modulith.ApplicationModule;
