package org.medops.integration.hl7;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import ca.uhn.hl7v2.parser.EncodingCharacters;
import ca.uhn.hl7v2.parser.Escape;

/**
 * HL7 acknowledgements (original mode): MSA-1 AA when the message is stored, AE when it is stored but
 * could not be processed, AR when it is refused; MSA-3 and ERR-8 say why in plain words.
 */
public final class Ack {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final EncodingCharacters DEFAULT = new EncodingCharacters('|', "^~\\&");

    public enum Code { AA, AE, AR }

    private Ack() {
    }

    public static String accept(Hl7Message message, String ackId, Instant at, ZoneId zone) {
        return build(message, Code.AA, "", ackId, at, zone);
    }

    /** AE or AR for a message that parsed; the sender's applications are swapped into the answer. */
    public static String error(Hl7Message message, Code code, String reason, String ackId, Instant at, ZoneId zone) {
        return build(message, code, reason, ackId, at, zone);
    }

    /** AR for input that is not a message: the control id is taken from the text when it looks like one. */
    public static String reject(String input, String reason, String ackId, Instant at, ZoneId zone) {
        String controlId = Hl7Message.controlIdOf(input);
        String time = TIMESTAMP.format(at.atZone(zone));
        return "MSH|^~\\&|MEDOPS||||" + time + "||ACK|" + ackId + "|P|2.5.1\r"
                + "MSA|AR|" + Escape.escape(controlId, DEFAULT) + "|" + Escape.escape(clip(reason), DEFAULT) + "\r"
                + "ERR|||" + errorCode(Code.AR) + "|E||||" + Escape.escape(clip(reason), DEFAULT) + "\r";
    }

    private static String build(Hl7Message m, Code code, String reason, String ackId, Instant at, ZoneId zone) {
        char f = m.fieldSeparator();
        EncodingCharacters characters = m.characters();
        String encoding = m.encoding();
        String trigger = raw(m, "MSH-9.2");
        StringBuilder ack = new StringBuilder()
                .append("MSH").append(f).append(encoding)
                .append(f).append(raw(m, "MSH-5")).append(f).append(raw(m, "MSH-6"))
                .append(f).append(raw(m, "MSH-3")).append(f).append(raw(m, "MSH-4"))
                .append(f).append(TIMESTAMP.format(at.atZone(zone))).append(f)
                .append(f).append("ACK").append(trigger.isEmpty() ? "" : characters.getComponentSeparator() + trigger
                        + characters.getComponentSeparator() + "ACK")
                .append(f).append(Escape.escape(ackId, characters))
                .append(f).append(m.value("MSH-11").map(v -> Escape.escape(v, characters)).orElse("P"))
                .append(f).append(m.value("MSH-12.1").map(v -> Escape.escape(v, characters)).orElse("2.5.1"));
        m.value("MSH-18").ifPresent(charset -> ack.append(String.valueOf(f).repeat(6)).append(Escape.escape(charset, characters)));
        ack.append('\r').append("MSA").append(f).append(code.name()).append(f).append(raw(m, "MSH-10"));
        if (!reason.isEmpty()) {
            String text = Escape.escape(clip(reason), characters);
            ack.append(f).append(text).append('\r')
                    .append("ERR").append(f).append(f).append(f).append(errorCode(code)).append(f).append('E')
                    .append(f).append(f).append(f).append(f).append(text);
        }
        return ack.append('\r').toString();
    }

    private static String raw(Hl7Message m, String path) {
        return m.value(path).map(v -> Escape.escape(v, m.characters())).orElse("");
    }

    /** HL7 table 0357: 207 application internal error for AE, 200 unsupported/unacceptable for AR. */
    private static String errorCode(Code code) {
        return code == Code.AE ? "207^Application internal error^HL70357" : "200^Unsupported message^HL70357";
    }

    /** MSA-3 is 80 characters in v2.5; ERR-8 carries the same text. */
    private static String clip(String reason) {
        return reason.length() > 80 ? reason.substring(0, 79) + "…" : reason;
    }
}
