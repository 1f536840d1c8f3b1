package org.medops.publication.imports;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

import org.medops.publication.topics.Draft;
import org.medops.publication.topics.FieldDiff;
import org.medops.publication.topics.PublishedRecord;
import org.medops.publication.topics.Topic;
import org.medops.publication.topics.TopicDrafts;
import org.medops.publication.topics.TopicFields;
import org.medops.shared.ProblemException;
import org.medops.shared.UploadedFileType;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Previews and confirms Excel imports; the key column is {@code key} (the department code, the work number…). */
@Service
class TopicImports {

    static final String KEY_COLUMN = "key";

    private final Imports imports;
    private final TopicDrafts drafts;
    private final Clock clock;

    TopicImports(Imports imports, TopicDrafts drafts, Clock clock) {
        this.imports = imports;
        this.drafts = drafts;
        this.clock = clock;
    }

    @Transactional
    ImportPreview upload(Topic topic, String filename, byte[] content, String by) {
        if (content.length > UploadedFileType.MAX_BYTES) {
            throw ProblemException.invalid("publication-import-too-large");
        }
        String name = UploadedFileType.safeName(filename == null ? "import.xlsx" : filename);
        List<ImportPreview.Line> lines = lines(topic, WorkbookRows.read(content));
        long id = imports.save(topic, name, content, by, clock.instant());
        return preview(id, topic, name, "PREVIEWED", lines);
    }

    /** Writes every new or changed line as a draft, or, when any line is bad, nothing at all. */
    @Transactional
    ImportPreview confirm(long id, String by) {
        Imports.Upload upload = imports.findForUpdate(id)
                .orElseThrow(() -> ProblemException.notFound("publication-import", id));
        if (!upload.status().equals("PREVIEWED")) {
            throw ProblemException.conflict("publication-import-done");
        }
        if (!upload.uploadedBy().equals(by)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "publication-import-not-yours");
        }
        List<WorkbookRows.RowValues> rows = WorkbookRows.read(upload.content());
        java.util.Map<Integer, TreeMap<String, String>> byLine = new java.util.HashMap<>();
        rows.forEach(r -> byLine.put(r.line(), r.values()));
        List<ImportPreview.Line> lines = lines(upload.topic(), rows);
        List<String> bad = lines.stream().filter(l -> l.action() == ImportPreview.Action.BAD)
                .map(l -> l.line() + ": " + String.join(", ", l.problems())).toList();
        if (!bad.isEmpty()) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "publication-import-rows-invalid", bad,
                    lines.stream().filter(l -> l.action() == ImportPreview.Action.BAD)
                            .map(l -> String.valueOf(l.line())).reduce((a, b) -> a + ", " + b).orElse(""));
        }
        Set<String> known = keys(upload.topic(), lines);
        int written = 0;
        for (ImportPreview.Line line : lines) {
            if (line.action() == ImportPreview.Action.NEW || line.action() == ImportPreview.Action.CHANGED) {
                drafts.write(upload.topic(), line.key(), Draft.Change.of(fields(byLine.get(line.line())), false,
                        "Excel: " + upload.filename() + " #" + line.line()), by, known);
                written++;
            }
        }
        imports.confirmed(id, written);
        return preview(id, upload.topic(), upload.filename(), "CONFIRMED", lines);
    }

    private List<ImportPreview.Line> lines(Topic topic, List<WorkbookRows.RowValues> rows) {
        Set<String> known = new HashSet<>();
        for (WorkbookRows.RowValues row : rows) {
            String key = row.values().get(KEY_COLUMN);
            if (key != null && !key.isBlank()) {
                known.add(topic.path() + "/" + key.strip());
            }
        }
        Set<String> seen = new HashSet<>();
        List<ImportPreview.Line> lines = new ArrayList<>();
        for (WorkbookRows.RowValues row : rows) {
            String key = row.values().get(KEY_COLUMN) == null ? null : row.values().get(KEY_COLUMN).strip();
            TopicFields fields = fields(row.values());
            List<String> problems = new ArrayList<>(drafts.problems(topic, key, fields, known));
            if (key != null && !seen.add(key)) {
                problems.add("key:duplicate");
            }
            if (!problems.isEmpty()) {
                lines.add(new ImportPreview.Line(row.line(), key, ImportPreview.Action.BAD, List.of(), problems));
                continue;
            }
            TopicFields before = drafts.published(topic, key).filter(r -> !r.removed()).map(PublishedRecord::fields)
                    .orElse(null);
            List<FieldDiff> diff = fields.diffFrom(before == null ? TopicFields.empty() : before);
            ImportPreview.Action action = before == null ? ImportPreview.Action.NEW
                    : diff.isEmpty() ? ImportPreview.Action.UNCHANGED : ImportPreview.Action.CHANGED;
            lines.add(new ImportPreview.Line(row.line(), key, action, diff, List.of()));
        }
        return lines;
    }

    private static Set<String> keys(Topic topic, List<ImportPreview.Line> lines) {
        Set<String> keys = new HashSet<>();
        lines.forEach(l -> keys.add(topic.path() + "/" + l.key()));
        return keys;
    }

    private static TopicFields fields(TreeMap<String, String> values) {
        TreeMap<String, String> fields = new TreeMap<>(values);
        fields.remove(KEY_COLUMN);
        return new TopicFields(fields);
    }

    private static ImportPreview preview(long id, Topic topic, String filename, String status,
                                         List<ImportPreview.Line> lines) {
        int bad = (int) lines.stream().filter(l -> l.action() == ImportPreview.Action.BAD).count();
        int changes = (int) lines.stream().filter(l -> l.action() == ImportPreview.Action.NEW
                || l.action() == ImportPreview.Action.CHANGED).count();
        return new ImportPreview(id, topic.path(), filename, status, lines, bad, changes);
    }
}
