package org.medops.publication.imports;

import java.util.List;

import org.medops.publication.topics.FieldDiff;

/** What an uploaded workbook would change, line by line; {@code bad} lines block the whole import. */
record ImportPreview(long id, String topic, String filename, String status, List<Line> lines, int bad, int changes) {

    enum Action { NEW, CHANGED, UNCHANGED, BAD }

    /** @param line the row number as Excel shows it (the header is line 1) */
    record Line(int line, String key, Action action, List<FieldDiff> changes, List<String> problems) {
    }
}
