package org.medops.inspection.checks;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * Checks of a host over SSH, with the plain commands an engineer would type ({@code df -P}, {@code df -Pi},
 * {@code systemctl is-active}, {@code du -sb}, {@code tail | grep}, {@code find -printf}) and their output as
 * evidence.
 */
@Component
class HostChecks {

    /** Pseudo and read-only image file systems: never a partition that fills with data. */
    private static final Set<String> PSEUDO = Set.of("tmpfs", "devtmpfs", "udev", "overlay", "squashfs", "none",
            "shm", "efivarfs");
    private static final double GB = 1024.0 * 1024 * 1024;

    private final SshHosts hosts;
    private final LogMarks marks;
    private final Clock clock;

    HostChecks(SshHosts hosts, LogMarks marks, Clock clock) {
        this.hosts = hosts;
        this.marks = marks;
        this.clock = clock;
    }

    CheckResult run(Endpoint endpoint, CheckCode check, CheckSetting setting, Duration limit) throws IOException {
        try (SshHosts.Session session = hosts.open(endpoint)) {
            return switch (check) {
                case DISK_USAGE -> usage(check, session.run("df -P", limit), setting);
                case INODE_USAGE -> usage(check, session.run("df -Pi", limit), setting);
                case SERVICES -> services(session, setting, limit);
                case LOG_SIZE -> logSize(session, setting, limit);
                case LOG_ERRORS -> logErrors(endpoint.targetCode(), session, setting, limit);
                case BACKUP_FRESHNESS, BACKUP_COUNT -> backups(check, session, setting, limit);
                case QUEUE_DEPTH -> queueDirectory(session, setting, limit);
                default -> throw new IllegalArgumentException(check + " is not a host check");
            };
        }
    }

    String test(Endpoint endpoint, Duration limit) throws IOException {
        try (SshHosts.Session session = hosts.open(endpoint)) {
            SshHosts.Exec exec = session.run("uname -a", limit);
            return "host key " + session.fingerprint() + "\n" + exec.evidence().strip();
        }
    }

    /** The fullest partition decides; every partition is listed as evidence. */
    static CheckResult usage(CheckCode check, SshHosts.Exec exec, CheckSetting setting) {
        CheckCode.Limit limit = setting.limit(check);
        if (exec.out().isBlank()) {
            return CheckResult.error(check, "no output", exec.evidence());
        }
        double worst = -1;
        String worstMount = null;
        List<String> lines = exec.out().lines().toList();
        for (String line : lines.subList(1, lines.size())) {
            String[] cols = line.trim().split("\\s+", 6);
            if (cols.length < 6 || PSEUDO.contains(cols[0]) || !cols[4].endsWith("%")) {
                continue;
            }
            try {
                double used = Double.parseDouble(cols[4].substring(0, cols[4].length() - 1));
                if (used > worst) {
                    worst = used;
                    worstMount = cols[5];
                }
            } catch (NumberFormatException ignored) {
                // a "-" for file systems without inodes
            }
        }
        if (worstMount == null) {
            return CheckResult.error(check, "no partition in the output", exec.evidence());
        }
        return new CheckResult(check, limit.grade(worst), CheckCode.number(worst) + "% " + worstMount, limit.text(),
                exec.evidence());
    }

    private CheckResult services(SshHosts.Session session, CheckSetting setting, Duration limit) throws IOException {
        List<String> units = setting.services().stream().filter(s -> !s.startsWith("process:")).toList();
        List<String> processes = setting.services().stream().filter(s -> s.startsWith("process:"))
                .map(s -> s.substring("process:".length()).strip()).filter(s -> !s.isEmpty()).toList();
        List<String> down = new ArrayList<>();
        StringBuilder evidence = new StringBuilder();
        if (!units.isEmpty()) {
            SshHosts.Exec exec = session.run("systemctl is-active " + String.join(" ",
                    units.stream().map(SshHosts::quote).toList()), limit);
            evidence.append(exec.evidence()).append('\n');
            List<String> states = exec.out().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
            for (int i = 0; i < units.size(); i++) {
                String state = i < states.size() ? states.get(i) : "unknown";
                if (!"active".equals(state)) {
                    down.add(units.get(i) + "=" + state);
                }
            }
        }
        for (String process : processes) {
            SshHosts.Exec exec = session.run("pgrep -x " + SshHosts.quote(process), limit);
            evidence.append(exec.evidence()).append('\n');
            if (exec.status() != 0 || exec.out().isBlank()) {
                down.add(process + "=stopped");
            }
        }
        int total = units.size() + processes.size();
        CheckCode.Limit lim = setting.limit(CheckCode.SERVICES);
        String value = (total - down.size()) + "/" + total + (down.isEmpty() ? "" : " " + String.join(", ", down));
        return new CheckResult(CheckCode.SERVICES, lim.grade(down.size()), value, lim.text(), evidence.toString());
    }

    private CheckResult logSize(SshHosts.Session session, CheckSetting setting, Duration limit) throws IOException {
        SshHosts.Exec exec = session.run("du -sb " + String.join(" ",
                setting.paths().stream().map(SshHosts::quote).toList()), limit);
        CheckCode.Limit lim = setting.limit(CheckCode.LOG_SIZE);
        double worst = -1;
        String worstPath = null;
        for (String line : exec.out().lines().toList()) {
            String[] cols = line.split("\\s+", 2);
            if (cols.length == 2) {
                try {
                    double gb = Long.parseLong(cols[0].strip()) / GB;
                    if (gb > worst) {
                        worst = gb;
                        worstPath = cols[1].strip();
                    }
                } catch (NumberFormatException ignored) {
                    // a warning line
                }
            }
        }
        if (worstPath == null) {
            return CheckResult.error(CheckCode.LOG_SIZE, exec.err().isBlank() ? "no output" : exec.err().strip(),
                    exec.evidence());
        }
        return new CheckResult(CheckCode.LOG_SIZE, lim.grade(worst),
                String.format(java.util.Locale.ROOT, "%.2f GB %s", worst, worstPath), lim.text(), exec.evidence());
    }

    /**
     * New lines matching the patterns since the last round: each file's line count is kept; a file shorter than
     * last time was rotated and is read from its start.
     */
    private CheckResult logErrors(String target, SshHosts.Session session, CheckSetting setting, Duration limit)
            throws IOException {
        String pattern = String.join("|", setting.patternsOrDefault());
        long matches = 0;
        StringBuilder evidence = new StringBuilder();
        List<Runnable> marksToSave = new ArrayList<>();
        for (String path : setting.paths()) {
            SshHosts.Exec count = session.run("wc -l < " + SshHosts.quote(path), limit);
            long lines;
            try {
                lines = Long.parseLong(count.out().strip());
            } catch (NumberFormatException e) {
                evidence.append(count.evidence()).append('\n');
                return CheckResult.error(CheckCode.LOG_ERRORS, "cannot read " + path, evidence.toString());
            }
            long from = marks.lines(target, path).filter(mark -> mark <= lines).orElse(0L);
            String tail = "tail -n +" + (from + 1) + " " + SshHosts.quote(path) + " | head -n " + (lines - from);
            SshHosts.Exec counted = session.run(tail + " | grep -E -c -e " + SshHosts.quote(pattern), limit);
            long found = parse(counted.out());
            matches += found;
            evidence.append("# ").append(path).append(": lines ").append(from + 1).append('–').append(lines)
                    .append(", ").append(found).append(" matching\n");
            if (found > 0) {
                SshHosts.Exec shown = session.run(tail + " | grep -E -m 20 -e " + SshHosts.quote(pattern), limit);
                evidence.append(shown.evidence()).append('\n');
            }
            marksToSave.add(() -> marks.mark(target, path, lines, clock.instant()));
        }
        marksToSave.forEach(Runnable::run);
        CheckCode.Limit lim = setting.limit(CheckCode.LOG_ERRORS);
        return new CheckResult(CheckCode.LOG_ERRORS, lim.grade(matches), String.valueOf(matches), lim.text(),
                evidence.toString());
    }

    private CheckResult backups(CheckCode check, SshHosts.Session session, CheckSetting setting, Duration limit)
            throws IOException {
        if (setting.backupTool() != null) {
            return toolBackups(check, session, setting, limit);
        }
        SshHosts.Exec exec = session.run("find " + SshHosts.quote(setting.directory()) + " -maxdepth 1 -type f"
                + (setting.filePattern() == null ? "" : " -name " + SshHosts.quote(setting.filePattern()))
                + " -printf '%T@ %s %f\\n'", limit);
        if (exec.status() != 0 && exec.out().isBlank()) {
            return CheckResult.error(check, exec.err().isBlank() ? "find failed" : exec.err().strip(), exec.evidence());
        }
        BackupFiles files = BackupFiles.parseFind(exec.out());
        String evidence = "$ " + exec.command() + "\n" + files.listing();
        return check == CheckCode.BACKUP_FRESHNESS ? files.freshness(setting, clock.instant(), evidence)
                : files.count(setting, evidence);
    }

    /** Backups a tool keeps (pgBackRest, Barman): its JSON listing of the backup set, judged like backup files. */
    private CheckResult toolBackups(CheckCode check, SshHosts.Session session, CheckSetting setting, Duration limit)
            throws IOException {
        BackupTool tool = BackupTool.valueOf(setting.backupTool());
        SshHosts.Exec exec = session.run(tool.command(setting.backupSet()), limit);
        if (exec.status() != 0 && exec.out().isBlank()) {
            return CheckResult.error(check, exec.err().isBlank() ? tool.name() + " failed" : exec.err().strip(),
                    exec.evidence());
        }
        BackupTool.Listing listing;
        try {
            listing = tool.parse(exec.out(), setting.backupSet());
        } catch (IllegalArgumentException e) {
            return CheckResult.error(check, e.getMessage(), exec.evidence());
        }
        String evidence = "$ " + exec.command() + "\n" + (listing.problem() == null ? "" : listing.problem() + "\n")
                + listing.backups().listing();
        return check == CheckCode.BACKUP_FRESHNESS ? listing.backups().freshness(setting, clock.instant(), evidence)
                : listing.backups().count(setting, evidence);
    }

    private CheckResult queueDirectory(SshHosts.Session session, CheckSetting setting, Duration limit)
            throws IOException {
        if (setting.directory() == null) {
            return CheckResult.error(CheckCode.QUEUE_DEPTH, "no queue directory set", null);
        }
        SshHosts.Exec exec = session.run("find " + SshHosts.quote(setting.directory()) + " -maxdepth 1 -type f"
                + (setting.filePattern() == null ? "" : " -name " + SshHosts.quote(setting.filePattern()))
                + " | wc -l", limit);
        long depth = parse(exec.out());
        CheckCode.Limit lim = setting.limit(CheckCode.QUEUE_DEPTH);
        return new CheckResult(CheckCode.QUEUE_DEPTH, lim.grade(depth), String.valueOf(depth), lim.text(),
                exec.evidence());
    }

    private static long parse(String out) {
        try {
            return Long.parseLong(out.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
