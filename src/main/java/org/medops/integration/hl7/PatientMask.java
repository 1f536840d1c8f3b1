package org.medops.integration.hl7;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import ca.uhn.hl7v2.parser.Escape;

/**
 * Patient identifiers in message content, masked for lists, logs and readers without the data
 * permission: the ID of PID-2/3/4 (not the assigning authority or type code), PID-19 (SSN, in China the resident
 * ID card number), PID-20 (driver's licence), the names of PID-5/6/9 and NK1-2, the street of PID-11, the
 * numbers of PID-13/14 and NK1-4/5. Each value found there is masked wherever it appears, so a transformed
 * copy is masked as well as the raw one.
 */
public final class PatientMask {

    private static final List<String> COMPONENTS = List.of("PID-2.1", "PID-3.1", "PID-4.1", "PID-19.1", "PID-20.1",
            "PID-5.1", "PID-5.2", "PID-5.3", "PID-6.1", "PID-6.2", "PID-9.1", "PID-9.2", "NK1-2.1", "NK1-2.2",
            "PID-11.1", "PID-11.2", "PID-13.1", "PID-13.12", "PID-14.1", "PID-14.12", "NK1-4.1", "NK1-5.1");

    private final List<String> secrets;

    private PatientMask(Set<String> secrets) {
        this.secrets = secrets.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    public static PatientMask of(Hl7Message message) {
        Set<String> values = new LinkedHashSet<>();
        for (String path : COMPONENTS) {
            int dot = path.indexOf('.');
            for (int occurrence = 1; occurrence <= 5; occurrence++) {
                for (int repetition = 1; repetition <= 5; repetition++) {
                    message.value(path.substring(0, 3) + "[" + occurrence + "]" + path.substring(3, dot)
                                    + "(" + repetition + ")" + path.substring(dot))
                            .filter(PatientMask::identifying).ifPresent(v -> {
                                values.add(v);
                                // as written in the raw text, where a value with a separator in it is escaped
                                values.add(Escape.escape(v, message.characters()));
                            });
                }
            }
        }
        return new PatientMask(values);
    }

    /** The given values wherever they appear (those that identify: not a one-letter code). */
    public static PatientMask ofValues(Collection<String> values) {
        Set<String> identifying = new LinkedHashSet<>();
        values.stream().map(String::strip).filter(v -> !v.isEmpty()).filter(PatientMask::identifying)
                .forEach(identifying::add);
        return new PatientMask(identifying);
    }

    /** Nothing to mask: for content that was not parsed as HL7 (it is masked entirely by the caller). */
    public static PatientMask none() {
        return new PatientMask(Set.of());
    }

    public String apply(String content) {
        if (content == null) {
            return null;
        }
        String masked = content;
        for (String secret : secrets) {
            masked = masked.replace(secret, mask(secret));
        }
        return masked;
    }

    /** A single Latin letter is a code (a sex, a type); a single Chinese character is a family or given name. */
    private static boolean identifying(String value) {
        return value.codePointCount(0, value.length()) > 1 || value.codePointAt(0) > 0x7f;
    }

    /** Keeps the first character (and the last of long identifiers), so a reader can tell records apart. */
    static String mask(String value) {
        int length = value.codePointCount(0, value.length());
        if (length == 1) {
            return "*";
        }
        int first = value.offsetByCodePoints(0, 1);
        if (length <= 3) {
            return value.substring(0, first) + "*".repeat(length - 1);
        }
        int last = value.offsetByCodePoints(value.length(), -1);
        return value.substring(0, first) + "*".repeat(length - 2) + value.substring(last);
    }
}
