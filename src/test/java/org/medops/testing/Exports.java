package org.medops.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Reads what a list export wrote: CSV (BOM checked, RFC 4180 quotes) and the text of an xlsx workbook. */
public final class Exports {

    private Exports() {
    }

    /** The CSV's rows, header first; fails unless it starts with the UTF-8 byte-order mark. */
    public static List<List<String>> csv(byte[] body) {
        assertThat(body.length).isGreaterThan(3);
        assertThat(new byte[] {body[0], body[1], body[2]}).as("UTF-8 BOM").containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                row.add(field.toString().replaceAll("\r$", ""));
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (!field.isEmpty() || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }

    /** The shared strings and the first sheet's XML of a workbook, concatenated, for contains-assertions. */
    public static String xlsxText(byte[] body) throws IOException {
        StringBuilder text = new StringBuilder();
        java.nio.file.Path file = java.nio.file.Files.createTempFile("medops-export", ".xlsx");
        try {
            java.nio.file.Files.write(file, body);
            try (ZipFile zip = new ZipFile(file.toFile())) {
                for (String name : List.of("xl/sharedStrings.xml", "xl/worksheets/sheet1.xml")) {
                    ZipEntry entry = zip.getEntry(name);
                    if (entry != null) {
                        text.append(new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8)).append('\n');
                    }
                }
            }
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
        assertThat(text).as("an xlsx workbook with a sheet").isNotEmpty();
        // fastexcel writes non-ASCII text as character references (&#x5de5;)
        return java.util.regex.Pattern.compile("&#x([0-9a-fA-F]+);").matcher(text)
                .replaceAll(m -> new String(Character.toChars(Integer.parseInt(m.group(1), 16))));
    }
}
