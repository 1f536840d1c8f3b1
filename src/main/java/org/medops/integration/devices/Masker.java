package org.medops.integration.devices;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.medops.integration.hl7.PatientMask;

/**
 * Masks a device message's patient identifiers for a reader without {@code integration:data}: the values at the
 * interface's patient paths (a column of every row: {@code rows[0].病历号} names all of them), and for HL7 those
 * {@link PatientMask} knows, wherever they appear (raw text, fields, what was sent, errors).
 */
final class Masker {

    private final List<String> secrets;
    private final PatientMask hl7;

    private Masker(Set<String> secrets, PatientMask hl7) {
        this.secrets = secrets.stream().filter(s -> !s.isBlank()).sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
        this.hl7 = hl7;
    }

    static Masker none() {
        return new Masker(Set.of(), PatientMask.none());
    }

    static Masker of(List<String> patientPaths, Map<String, String> rawFields, PatientMask hl7) {
        Set<String> wanted = new LinkedHashSet<>();
        patientPaths.forEach(p -> wanted.add(FieldDiff.unindexed(p)));
        Set<String> values = new LinkedHashSet<>();
        rawFields.forEach((path, value) -> {
            if (wanted.contains(FieldDiff.unindexed(path))) {
                values.add(value);
            }
        });
        return new Masker(values, hl7);
    }

    String apply(String text) {
        if (text == null) {
            return null;
        }
        String masked = hl7.apply(text);
        for (String secret : secrets) {
            masked = masked.replace(secret, mask(secret));
        }
        return masked;
    }

    static String mask(String value) {
        int points = value.codePointCount(0, value.length());
        if (points <= 1) {
            return "*";
        }
        return new String(Character.toChars(value.codePointAt(0))) + "*".repeat(Math.min(points - 1, 8));
    }
}
