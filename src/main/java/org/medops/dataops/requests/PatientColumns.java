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
