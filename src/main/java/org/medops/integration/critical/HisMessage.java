package org.medops.integration.critical;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * The HL7 v2.5.1 message that tells HIS a critical value was acknowledged or handled. MSH-9 is configured
 * ({@code ORR^O02^ORR_O02} by default: the order's status changed; an {@code ACK^R01^ACK} answers the result
 * message instead). MSA-2 names the result message (its MSH-10), ORC/OBR its order numbers, OBX the result, NTE the
 * step in words and the Z-segment {@code ZCV} the step as data:
 * {@code ZCV|value id|ACKNOWLEDGED or HANDLED|time|user|action|note}. Free text is HL7-escaped.
 */
final class HisMessage {

    static final String DEFAULT_TYPE = "ORR^O02^ORR_O02";
    static final Pattern TYPE = Pattern.compile("[A-Z0-9]{3}\\^[A-Z0-9]{3}(\\^[A-Z0-9_]{3,7})?");
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("uuuuMMddHHmmssZ");

    private HisMessage() {
    }

    static String of(CriticalValue v, String stage, String type, Instant at, ZoneId zone) {
        boolean handled = "HANDLED".equals(stage);
        String time = TS.format(at.atZone(zone));
        String by = handled ? v.handledBy() : v.acknowledgedBy();
        String words = handled
                ? "危急值已处理：" + nz(v.handleAction()) + (blank(v.handleNote()) ? "" : "（" + v.handleNote() + "）")
                : "危急值已确认接收";
        String item = e(v.itemCode()) + "^" + e(v.itemName());
        String orc5 = handled ? "CM" : "IP";
        String r = "\r";
        return "MSH|^~\\&|MEDOPS|CRITICAL|HIS|HOSP|" + time + "||" + type + "|CV" + v.id() + "-" + stage
                + "|P|2.5.1|||AL|NE||UNICODE UTF-8" + r
                + "MSA|AA|" + e(v.controlId()) + "|" + e(words) + r
                + "PID|1||" + e(v.patientId()) + "^^^^MR||" + e(v.patientName()) + r
                + "PV1|1|I|" + e(v.ward()) + "|||||" + e(v.clinicianId()) + "^" + e(v.clinician()) + "|||"
                + e(v.orderingDepartment()) + r
                + "ORC|SC|" + e(v.placerOrder()) + "|" + e(v.fillerOrder()) + "||" + orc5 + "||||" + time + "|||"
                + e(v.clinicianId()) + "^" + e(v.clinician()) + r
                + "OBR|1|" + e(v.placerOrder()) + "|" + e(v.fillerOrder()) + "|" + item + r
                + "OBX|1|ST|" + item + "||" + e(v.resultValue()) + "|" + e(v.unit()) + "|" + e(v.referenceRange()) + "|"
                + e(v.flag()) + "|||F" + r
                + "NTE|1|L|" + e(nz(by) + " " + (handled ? "登记处理" : "确认接收") + " " + time + " " + words) + r
                + "ZCV|" + v.id() + "|" + stage + "|" + time + "|" + e(by) + "|" + (handled ? e(v.handleAction()) : "")
                + "|" + (handled ? e(v.handleNote()) : "") + r;
    }

    /** HL7 v2 escapes for the delimiters; line breaks of a note become spaces (a CR would end the segment). */
    static String e(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\E\\");
                case '|' -> out.append("\\F\\");
                case '^' -> out.append("\\S\\");
                case '~' -> out.append("\\R\\");
                case '&' -> out.append("\\T\\");
                case '\r', '\n' -> out.append(' ');
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String nz(String text) {
        return text == null ? "" : text;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
