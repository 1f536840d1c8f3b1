package org.medops.inspection.checks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.medops.shared.ProblemException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Backup tools whose listing the backup checks read instead of a directory of dump files: pgBackRest
 * ({@code info --output=json}: stanzas with their backups, each with a label, a stop timestamp and an error flag) and
 * Barman ({@code -f json list-backups}: per server the backups with their id, end timestamp and status). Failed or
 * unfinished backups are not counted, so a stanza whose last backup failed shows the age of the one before.
 */
enum BackupTool {
    PGBACKREST, BARMAN;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SET = "[A-Za-z0-9_.-]{1,64}";

    /** The backups found, and what the tool itself reported wrong (a stanza in error), null when nothing. */
    record Listing(BackupFiles backups, String problem) {
    }

    String command(String set) {
        return switch (this) {
            case PGBACKREST -> "pgbackrest --stanza=" + SshHosts.quote(set) + " --output=json info";
            case BARMAN -> "barman -f json list-backups " + SshHosts.quote(set);
        };
    }

    /** @throws IllegalArgumentException when the output is not the tool's JSON, with a readable reason */
    Listing parse(String output, String set) {
        JsonNode root;
        try {
            root = JSON.readTree(output);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(name() + " output is not JSON: " + e.getOriginalMessage());
        }
        return this == PGBACKREST ? pgBackRest(root, set) : barman(root, set);
    }

    private static Listing pgBackRest(JsonNode root, String stanza) {
        for (JsonNode s : root) {
            if (!stanza.equals(s.path("name").asString(""))) {
                continue;
            }
            List<BackupFiles.BackupFile> backups = new ArrayList<>();
            for (JsonNode b : s.path("backup")) {
                long stop = b.path("timestamp").path("stop").asLong(0);
                if (stop > 0 && !b.path("error").asBoolean(false)) {
                    backups.add(new BackupFiles.BackupFile(b.path("label").asString("?") + " (" + b.path("type")
                            .asString("?") + ")", b.path("info").path("repository").path("size").asLong(0),
                            Instant.ofEpochSecond(stop)));
                }
            }
            int code = s.path("status").path("code").asInt(0);
            return new Listing(new BackupFiles(backups), code == 0 ? null
                    : "status " + code + ": " + s.path("status").path("message").asString(""));
        }
        throw new IllegalArgumentException("stanza " + stanza + " not in the pgBackRest info");
    }

    private static Listing barman(JsonNode root, String server) {
        JsonNode list = root.get(server);
        if (list == null || !list.isArray()) {
            throw new IllegalArgumentException("server " + server + " not in the Barman listing");
        }
        List<BackupFiles.BackupFile> backups = new ArrayList<>();
        long failed = 0;
        for (JsonNode b : list) {
            String status = b.path("status").asString("");
            long end = b.path("end_time_timestamp").asLong(0);
            if ("DONE".equals(status) && end > 0) {
                backups.add(new BackupFiles.BackupFile(b.path("backup_id").asString("?"), b.path("size_bytes")
                        .asLong(0), Instant.ofEpochSecond(end)));
            } else if ("FAILED".equals(status)) {
                failed++;
            }
        }
        return new Listing(new BackupFiles(backups), failed == 0 ? null : failed + " FAILED");
    }

    /** A tool named needs its backup set, a plain name (it goes on the tool's command line), and the other way round. */
    static void check(String tool, String set) {
        if (tool == null && set == null) {
            return;
        }
        if (tool == null || set == null || !set.matches(SET)) {
            throw ProblemException.invalid("inspection-backup-tool", String.valueOf(tool), String.valueOf(set));
        }
        try {
            valueOf(tool);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("inspection-backup-tool", tool, set);
        }
    }
}
