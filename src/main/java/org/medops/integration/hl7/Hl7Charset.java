package org.medops.integration.hl7;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which character set the bytes of a message are in: what MSH-18 declares, else the channel's. MSH is
 * ASCII in every set in use here (UTF-8, GBK, GB 18030, ISO-8859-1), so MSH-18 can be read before decoding.
 */
public final class Hl7Charset {

    private Hl7Charset() {
    }

    /** Decodes strictly: bytes that are not valid in the character set are refused, not replaced. */
    public static String decode(byte[] bytes, Charset fallback) throws Hl7Rejected {
        Charset charset = declared(bytes).orElse(fallback);
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new Hl7Rejected("message is not valid " + charset.name() + " text (MSH-18 or the channel's charset)");
        }
    }

    /** The character set MSH-18 names, else {@code fallback}. */
    public static Charset declaredOr(byte[] bytes, Charset fallback) {
        return declared(bytes).orElse(fallback);
    }

    static Optional<Charset> declared(byte[] bytes) {
        if (bytes.length < 8 || bytes[0] != 'M' || bytes[1] != 'S' || bytes[2] != 'H') {
            return Optional.empty();
        }
        int end = 0;
        while (end < bytes.length && bytes[end] != '\r' && bytes[end] != '\n') {
            end++;
        }
        // ISO-8859-1 maps each byte to one char, so the split sees the separators whatever the set.
        String header = new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
        String[] parts = header.split(Pattern.quote(String.valueOf(header.charAt(3))), -1);
        return parts.length > 17 ? named(parts[17]) : Optional.empty();
    }

    /** HL7 table 0211 names (and the Java names senders use anyway). */
    static Optional<Charset> named(String value) {
        String name = value.split("\\^|~")[0].trim().toUpperCase(Locale.ROOT);
        return Optional.ofNullable(switch (name) {
            case "" -> null;
            case "UNICODE UTF-8", "UTF-8", "UTF8" -> StandardCharsets.UTF_8;
            case "8859/1", "ISO-8859-1" -> StandardCharsets.ISO_8859_1;
            case "ASCII", "US-ASCII" -> StandardCharsets.US_ASCII;
            case "GB 18030-2000", "GB18030" -> Charset.forName("GB18030");
            case "GBK", "CP936" -> Charset.forName("GBK");
            case "GB2312" -> Charset.forName("GB2312");
            default -> Charset.isSupported(name) ? Charset.forName(name) : null;
        });
    }

    /** Encodes an answer in the character set of the message it answers. */
    public static byte[] encode(String text, Charset charset) {
        return text.getBytes(charset);
    }
}
