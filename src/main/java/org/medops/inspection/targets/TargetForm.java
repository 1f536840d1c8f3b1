package org.medops.inspection.targets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.medops.inspection.checks.CheckSetting;
import org.medops.shared.ProblemException;

/**
 * The console's target form: the API's fields flat, and the check settings as lines of text, one check a line —
 * {@code SERVICES services=nginx,postgresql}, {@code DISK_USAGE warnAt=80 failAt=90}, {@code BLOAT off},
 * {@code QUEUE_DEPTH query=select count(*) from pending} (a query takes the rest of its line). {@code production} is
 * a check box: absent when unticked.
 */
record TargetForm(String code, String name, String kind, String host, Integer port, String username, String password,
                  String privateKey, String url, String token, String kubeconfig, String hostKey, String system,
                  String checks, Boolean production) {

    static TargetForm blank() {
        return new TargetForm("", "", "SSH", "", 22, "", "", "", "", "", "", "", "", "", false);
    }

    static TargetForm of(Target t) {
        Target.Connection c = t.connection();
        return new TargetForm(t.code(), t.name(), t.kind().name(), c.host(), c.port(), c.username(), "", "", c.url(), "",
                "", c.hostKey(), t.system(), text(t.checks()), t.production());
    }

    TargetInput input() {
        return new TargetInput(code, name, kind, new TargetInput.ConnectionInput(host, port, username, password,
                privateKey, url, token, kubeconfig, hostKey), settings(checks), system,
                Boolean.TRUE.equals(production));
    }

    static List<CheckSetting> settings(String text) {
        List<CheckSetting> settings = new ArrayList<>();
        if (text == null) {
            return settings;
        }
        int number = 0;
        for (String raw : text.lines().toList()) {
            number++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] head = line.split("\\s+", 2);
            String check = head[0].toUpperCase(Locale.ROOT);
            String rest = head.length > 1 ? head[1] : "";
            Boolean enabled = null;
            Double warnAt = null;
            Double failAt = null;
            Integer expected = null;
            List<String> services = List.of();
            List<String> paths = List.of();
            List<String> patterns = List.of();
            List<String> namespaces = List.of();
            String directory = null;
            String filePattern = null;
            String query = null;
            String backupTool = null;
            String backupSet = null;
            int q = rest.indexOf("query=");
            if (q >= 0) {
                query = rest.substring(q + "query=".length()).strip();
                rest = rest.substring(0, q);
            }
            for (String word : rest.split("\\s+")) {
                if (word.isEmpty()) {
                    continue;
                }
                if (word.equalsIgnoreCase("off")) {
                    enabled = false;
                    continue;
                }
                int eq = word.indexOf('=');
                if (eq <= 0) {
                    throw ProblemException.invalid("inspection-check-line", number, line);
                }
                String key = word.substring(0, eq);
                String value = word.substring(eq + 1);
                try {
                    switch (key) {
                        case "warnAt" -> warnAt = Double.valueOf(value);
                        case "failAt" -> failAt = Double.valueOf(value);
                        case "expected" -> expected = Integer.valueOf(value);
                        case "services" -> services = list(value);
                        case "paths" -> paths = list(value);
                        case "patterns" -> patterns = list(value);
                        case "namespaces" -> namespaces = list(value);
                        case "directory" -> directory = value;
                        case "filePattern" -> filePattern = value;
                        case "backupTool" -> backupTool = value;
                        case "backupSet" -> backupSet = value;
                        default -> throw ProblemException.invalid("inspection-check-line", number, line);
                    }
                } catch (NumberFormatException e) {
                    throw ProblemException.invalid("inspection-check-line", number, line);
                }
            }
            settings.add(new CheckSetting(check, enabled, warnAt, failAt, services, paths, patterns, directory,
                    filePattern, query, namespaces, expected, backupTool, backupSet));
        }
        return settings;
    }

    static String text(List<CheckSetting> settings) {
        StringBuilder text = new StringBuilder();
        for (CheckSetting s : settings) {
            text.append(s.check());
            if (!s.on()) {
                text.append(" off");
            }
            append(text, "warnAt", s.warnAt() == null ? null : number(s.warnAt()));
            append(text, "failAt", s.failAt() == null ? null : number(s.failAt()));
            append(text, "expected", s.expected() == null ? null : s.expected().toString());
            append(text, "services", join(s.services()));
            append(text, "paths", join(s.paths()));
            append(text, "patterns", join(s.patterns()));
            append(text, "namespaces", join(s.namespaces()));
            append(text, "directory", s.directory());
            append(text, "filePattern", s.filePattern());
            append(text, "backupTool", s.backupTool());
            append(text, "backupSet", s.backupSet());
            append(text, "query", s.query());
            text.append('\n');
        }
        return text.toString();
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList();
    }

    private static String join(List<String> values) {
        return values.isEmpty() ? null : String.join(",", values);
    }

    private static void append(StringBuilder text, String key, String value) {
        if (value != null) {
            text.append(' ').append(key).append('=').append(value);
        }
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    @Override
    public String toString() {
        return "TargetForm[" + code + " " + kind + "]";
    }
}
