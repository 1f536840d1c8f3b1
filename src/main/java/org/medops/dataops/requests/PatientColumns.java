package org.medops.dataops.requests;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Patient identifiers in before-images, by column name: names, ID card, medical-record and insurance numbers,
 * phones, addresses, birth dates (also in the pinyin abbreviations HIS schemas use). A matching column's values keep
 * their first and last character. Deliberately broad: a masked column too many costs a reader nothing.
 */
final class PatientColumns {

    private static final Pattern IDENTIFYING = Pattern.compile(
            "name|xm|patient|brid|id_?card|idcard|id_?no|sfz|zjhm|identity|cert|phone|mobile|tel|lxdh|address|addr|dz"
                    + "|mrn|medical_?record|blh|zyh|mzh|record_?no|card|birth|csrq|email|insur|ybkh|social");

    static final PatientColumns MASK = new PatientColumns();

    // What a database quotes back in its error texts: PostgreSQL's "Key (id_card)=(1101…)" and "Failing row contains
    // (…)", MySQL's and MariaDB's "Duplicate entry '…'" and "Incorrect … value: '…'"; and bare ID-card and mobile numbers.
    private static final Pattern PARENTHESISED = Pattern.compile("(=|contains )\\(([^)]*)\\)");
    private static final Pattern QUOTED = Pattern.compile("(?<!key |column |table |constraint )'([^']*)'");
    private static final Pattern ID_CARD = Pattern.compile("(?<!\\d)(\\d{6})\\d{8}(\\d{3}[0-9Xx])(?!\\d)");
    private static final Pattern MOBILE = Pattern.compile("(?<!\\d)(1[3-9]\\d)\\d{4}(\\d{4})(?!\\d)");

    private PatientColumns() {
    }

    static boolean identifying(String column) {
        return column != null && IDENTIFYING.matcher(column.toLowerCase(Locale.ROOT)).find();
    }

    List<String> row(List<String> columns, List<String> values) {
        List<String> masked = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            masked.add(i < columns.size() && identifying(columns.get(i)) ? mask(value) : value);
        }
        return masked;
    }

    /**
     * A database's error text as a reader without the data right sees it: the row values it quotes (in parentheses
     * after {@code =} or {@code contains}, or in single quotes) and ID-card and mobile numbers masked; column, table and
     * constraint names stay, as they tell what went wrong.
     */
    static String maskText(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = PARENTHESISED.matcher(text).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
                m.group(1) + "(" + String.join(", ", java.util.Arrays.stream(m.group(2).split(",", -1))
                        .map(v -> mask(v.strip())).toList()) + ")"));
        masked = QUOTED.matcher(masked).replaceAll(m -> java.util.regex.Matcher.quoteReplacement("'" + mask(m.group(1)) + "'"));
        masked = ID_CARD.matcher(masked).replaceAll("$1********$2");
        return MOBILE.matcher(masked).replaceAll("$1****$2");
    }

    static String mask(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        int[] points = value.codePoints().toArray();
        if (points.length <= 2) {
            return new String(points, 0, 1) + "*";
        }
        return new String(points, 0, 1) + "*".repeat(Math.min(points.length - 2, 6))
                + new String(points, points.length - 1, 1);
    }
}
