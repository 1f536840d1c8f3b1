package org.medops.inspection.checks;

import java.util.List;
import org.medops.shared.FilterText;

/**
 * A target's settings for one check: whether it runs, its own thresholds (null: the catalogue's), and its
 * parameters — systemd units or {@code process:name} entries, log files or directories, patterns for the log
 * lines, the backup or queue directory with a file-name pattern, the queue query, namespaces, the number of
 * standbys expected; for backups kept by a tool instead of as files, the tool ({@code PGBACKREST}, {@code BARMAN})
 * and its backup set (the pgBackRest stanza, the Barman server).
 */
public record CheckSetting(String check, Boolean enabled, Double warnAt, Double failAt, List<String> services,
                           List<String> paths, List<String> patterns, String directory, String filePattern,
                           String query, List<String> namespaces, Integer expected, String backupTool,
                           String backupSet) {

    public static final List<String> DEFAULT_PATTERNS = List.of("ERROR|FATAL|Exception");

    public CheckSetting {
        services = clean(services);
        paths = clean(paths);
        patterns = clean(patterns);
        namespaces = clean(namespaces);
        directory = FilterText.orNull(directory);
        filePattern = FilterText.orNull(filePattern);
        query = FilterText.orNull(query);
        backupTool = FilterText.orNull(backupTool);
        backupSet = FilterText.orNull(backupSet);
    }

    public static CheckSetting defaults(CheckCode check) {
        return new CheckSetting(check.name(), true, null, null, List.of(), List.of(), List.of(), null, null, null,
                List.of(), null, null, null);
    }

    public boolean on() {
        return enabled == null || enabled;
    }

    public CheckCode.Limit limit(CheckCode code) {
        return code.defaultLimit().with(warnAt, failAt);
    }

    public List<String> patternsOrDefault() {
        return patterns.isEmpty() ? DEFAULT_PATTERNS : patterns;
    }

    private static List<String> clean(List<String> values) {
        return values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip)
                .toList();
    }
}
