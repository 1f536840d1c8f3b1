package org.medops.inspection.checks;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** The backup files of a directory (name, size, modified) judged: the newest's age and how many are kept. */
record BackupFiles(List<BackupFile> files) {

    record BackupFile(String name, long bytes, Instant modified) {
    }

    /** {@code find -printf '%T@ %s %f\n'} output: epoch seconds with a fraction, bytes, name. */
    static BackupFiles parseFind(String output) {
        List<BackupFile> files = output.lines().map(String::strip).filter(l -> !l.isEmpty()).map(line -> {
            String[] parts = line.split(" ", 3);
            if (parts.length < 3) {
                return null;
            }
            try {
                double epoch = Double.parseDouble(parts[0]);
                return new BackupFile(parts[2], Long.parseLong(parts[1]),
                        Instant.ofEpochMilli((long) (epoch * 1000)));
            } catch (NumberFormatException e) {
                return null;
            }
        }).filter(java.util.Objects::nonNull).toList();
        return new BackupFiles(files);
    }

    java.util.Optional<BackupFile> newest() {
        return files.stream().max(Comparator.comparing(BackupFile::modified));
    }

    CheckResult freshness(CheckSetting setting, Instant now, String evidence) {
        CheckCode.Limit limit = setting.limit(CheckCode.BACKUP_FRESHNESS);
        var newest = newest();
        if (newest.isEmpty()) {
            return new CheckResult(CheckCode.BACKUP_FRESHNESS, Outcome.FAIL, "0 files", limit.text(), evidence);
        }
        double hours = Duration.between(newest.get().modified(), now).toMinutes() / 60.0;
        return new CheckResult(CheckCode.BACKUP_FRESHNESS, limit.grade(hours),
                CheckCode.number(hours) + " h (" + newest.get().name() + ")", limit.text(), evidence);
    }

    CheckResult count(CheckSetting setting, String evidence) {
        CheckCode.Limit limit = setting.limit(CheckCode.BACKUP_COUNT);
        return new CheckResult(CheckCode.BACKUP_COUNT, limit.grade(files.size()), String.valueOf(files.size()),
                limit.text(), evidence);
    }

    String listing() {
        StringBuilder text = new StringBuilder();
        files.stream().sorted(Comparator.comparing(BackupFile::modified).reversed()).limit(30)
                .forEach(f -> text.append(f.modified()).append("  ").append(f.bytes()).append("  ").append(f.name())
                        .append('\n'));
        return text.toString();
    }
}
