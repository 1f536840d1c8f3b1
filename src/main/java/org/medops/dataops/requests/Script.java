package org.medops.dataops.requests;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.medops.shared.ProblemException;

/**
 * The statements of a request, split on the semicolons outside quotes and comments, each with its kind and, for
 * UPDATE and DELETE of the simple forms {@code UPDATE t SET … WHERE …} and {@code DELETE FROM t WHERE …}, the query
 * that selects the rows it will touch. Transaction control is refused: the platform owns the transaction.
 */
record Script(List<Statement> statements) {

    static final int MAX_STATEMENTS = 50;
    static final int MAX_LENGTH = 100_000;

    private static final String NAME = "(?:[A-Za-z_][\\w$]*|\"[^\"]+\"|`[^`]+`)";
    private static final String TABLE = NAME + "(?:\\." + NAME + ")?";
    private static final Pattern UPDATE = Pattern.compile(
            "(?is)^update\\s+(" + TABLE + ")(?:\\s+(?:as\\s+)?(?!set\\b)([A-Za-z_][\\w$]*))?\\s+set\\s+.+?(?:\\s+where\\s+(.+))?$");
    private static final Pattern DELETE = Pattern.compile(
            "(?is)^delete\\s+from\\s+(" + TABLE + ")(?:\\s+(?:as\\s+)?(?!where\\b)([A-Za-z_][\\w$]*))?(?:\\s+where\\s+(.+))?$");
    private static final Set<String> DDL = Set.of("create", "alter", "drop", "truncate", "rename", "comment", "grant",
            "revoke");
    private static final Set<String> TRANSACTION = Set.of("begin", "start", "commit", "rollback", "savepoint", "release",
            "end", "abort");

    /** @param rowsQuery selects the rows an UPDATE or DELETE touches; null when the statement is not of a simple form */
    record Statement(int index, String sql, StatementKind kind, String rowsQuery) {
    }

    /** The statements of {@code text}; {@code field} names it in a refusal (statements or rollback). */
    static Script parse(String text, String field) {
        if (text == null || text.isBlank()) {
            throw ProblemException.invalid("dataops-sql-required", field);
        }
        if (text.length() > MAX_LENGTH) {
            throw ProblemException.invalid("dataops-sql-too-long", MAX_LENGTH);
        }
        List<String> parts = split(text);
        if (parts.isEmpty()) {
            throw ProblemException.invalid("dataops-sql-required", field);
        }
        if (parts.size() > MAX_STATEMENTS) {
            throw ProblemException.invalid("dataops-sql-too-many", MAX_STATEMENTS);
        }
        List<Statement> statements = new ArrayList<>();
        for (String sql : parts) {
            statements.add(classify(statements.size() + 1, sql));
        }
        return new Script(List.copyOf(statements));
    }

    boolean hasDdl() {
        return statements.stream().anyMatch(s -> s.kind() == StatementKind.DDL);
    }

    private static Statement classify(int index, String sql) {
        String first = sql.split("[\\s(;]+", 2)[0].toLowerCase(Locale.ROOT);
        String lower = sql.toLowerCase(Locale.ROOT);
        if (TRANSACTION.contains(first) || (first.equals("set") && (lower.contains("autocommit")
                || lower.matches("(?s)set\\s+(session\\s+)?transaction\\b.*")))) {
            throw ProblemException.invalid("dataops-transaction-control", index);
        }
        if (first.equals("update")) {
            return new Statement(index, sql, StatementKind.UPDATE, rowsQuery(UPDATE.matcher(sql)));
        }
        if (first.equals("delete")) {
            return new Statement(index, sql, StatementKind.DELETE, rowsQuery(DELETE.matcher(sql)));
        }
        if (first.equals("insert") || first.equals("replace")) {
            return new Statement(index, sql, StatementKind.INSERT, null);
        }
        return new Statement(index, sql, DDL.contains(first) ? StatementKind.DDL : StatementKind.OTHER, null);
    }

    private static String rowsQuery(Matcher m) {
        if (!m.matches()) {
            return null;
        }
        String from = m.group(1) + (m.group(2) == null ? "" : " " + m.group(2));
        return "select * from " + from + (m.group(3) == null ? "" : " where " + m.group(3));
    }

    /** Semicolons inside quotes, quoted names, dollar quotes and comments do not end a statement; comments go. */
    static List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '-' && i + 1 < n && text.charAt(i + 1) == '-') {
                int end = text.indexOf('\n', i);
                i = end < 0 ? n : end;
                current.append(' ');
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                current.append(' ');
            } else if (c == '\'' || c == '"' || c == '`') {
                int end = closing(text, i, c);
                current.append(text, i, end);
                i = end;
            } else if (c == '$' && dollarTag(text, i) != null) {
                String tag = dollarTag(text, i);
                int end = text.indexOf(tag, i + tag.length());
                end = end < 0 ? n : end + tag.length();
                current.append(text, i, end);
                i = end;
            } else if (c == ';') {
                add(parts, current);
                i++;
            } else {
                current.append(c);
                i++;
            }
        }
        add(parts, current);
        return parts;
    }

    /** The index after the quote that closes the one at {@code start} (a doubled quote is part of the text). */
    private static int closing(String text, int start, char quote) {
        int i = start + 1;
        while (i < text.length()) {
            if (text.charAt(i) == quote) {
                if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return text.length();
    }

    private static String dollarTag(String text, int start) {
        Matcher m = Pattern.compile("\\$[A-Za-z_]?\\w*\\$").matcher(text);
        return m.find(start) && m.start() == start ? m.group() : null;
    }

    private static void add(List<String> parts, StringBuilder current) {
        String sql = current.toString().strip();
        if (!sql.isEmpty()) {
            parts.add(sql);
        }
        current.setLength(0);
    }
}
