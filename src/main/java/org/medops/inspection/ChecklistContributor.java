package org.medops.inspection;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Lines another feature adds to the checklist of a full or quarterly inspection report — things the vendor must show
 * at each inspection that no probe can measure, such as the emergency plans' yearly review and their drills
 * (records). Inspection asks every contributor when it shows a report and keeps what they answered in the signed
 * report, so a signed checklist never changes afterwards.
 */
public interface ChecklistContributor {

    /** PASS: in order; WARN: due soon or not fully met; FAIL: overdue or missing. */
    enum Result { PASS, WARN, FAIL }

    /**
     * One checklist line, in the reader's language.
     *
     * @param section  the group it is printed under, e.g. 应急预案
     * @param subject  what was checked, e.g. the plan's title
     * @param check    which requirement, e.g. 年度评审
     * @param value    what was found
     * @param threshold what is required
     * @param evidence where it was found (dates, records), may be null
     */
    record Entry(String section, String subject, String check, Result result, String value, String threshold,
                 String evidence) {
    }

    /** The lines as of {@code at} (the round's start). */
    List<Entry> entries(Instant at, Locale locale);
}
