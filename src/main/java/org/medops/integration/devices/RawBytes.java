package org.medops.integration.devices;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The bytes a device sent as a hex dump beside the text, with what decoding could not carry marked: bytes that are
 * no valid sequence of the charset, control bytes (NUL and the like, which the stored text cannot hold) and line
 * ends (CR, LF, CR LF counted apart, as devices differ in them). {@code origin} says whether these are the bytes
 * as received ({@link Origin#RECEIVED}), or the text encoded again — for a reader without the data right (the
 * received bytes hold the patient's identifiers unmasked) or for a message stored before its channel kept bytes.
 * The counts and {@code textDiffers} (the stored text, encoded again, is not these bytes) always come from the
 * received bytes when there are any. At most {@link #LIMIT} bytes are dumped.
 */
public record RawBytes(String charset, int length, List<Line> lines, boolean cut, Origin origin, int undecodable,
                       int controls, LineEnds lineEnds, boolean textDiffers) {

    static final int LIMIT = 16 * 1024;

    public enum Origin {
        /** The bytes exactly as the source received them. */
        RECEIVED,
        /** The masked text encoded in the charset: the reader does not hold {@code integration:data}. */
        MASKED,
        /** The stored text encoded in the charset: the message came before the channel kept received bytes. */
        ENCODED_TEXT
    }

    /** What a byte is beside plain text. */
    public enum Mark {
        TEXT, UNDECODABLE, CONTROL, LINE_END
    }

    /** One byte: its hex digits and its mark. */
    public record Cell(String hex, Mark mark) {
    }

    /** One line of 16 bytes: its offset, the bytes in hex (and each marked), and the printable ASCII of them. */
    public record Line(String offset, String hex, String ascii, List<Cell> cells) {

        /** Spaces that pad a short last line to the width of a full one, so the ASCII column stays aligned. */
        public String padding() {
            return " ".repeat(Math.max(0, 47 - hex.length()));
        }
    }

    /** Line ends: CR alone, LF alone, CR LF. */
    public record LineEnds(int cr, int lf, int crlf) {
    }

    /** The dump of {@code shown} with the counts from {@code received} (null: none kept; then from {@code shown}). */
    static RawBytes of(byte[] shown, byte[] received, String storedText, Charset charset, Origin origin) {
        byte[] evidence = received == null ? shown : received;
        Mark[] marks = marks(shown, charset);
        Mark[] evidenceMarks = evidence == shown ? marks : marks(evidence, charset);
        HexFormat hex = HexFormat.of().withUpperCase();
        List<Line> lines = new ArrayList<>();
        int dumped = Math.min(shown.length, LIMIT);
        for (int at = 0; at < dumped; at += 16) {
            StringBuilder h = new StringBuilder();
            StringBuilder a = new StringBuilder();
            List<Cell> cells = new ArrayList<>(16);
            for (int i = at; i < Math.min(at + 16, dumped); i++) {
                String digits = hex.toHexDigits(shown[i]);
                h.append(i > at ? " " : "").append(digits);
                cells.add(new Cell(digits, marks[i]));
                int b = shown[i] & 0xFF;
                a.append(b >= 0x20 && b < 0x7F ? (char) b : '.');
            }
            lines.add(new Line(String.format("%08X", at), h.toString(), a.toString(), List.copyOf(cells)));
        }
        int undecodable = 0;
        int controls = 0;
        for (Mark m : evidenceMarks) {
            undecodable += m == Mark.UNDECODABLE ? 1 : 0;
            controls += m == Mark.CONTROL ? 1 : 0;
        }
        boolean differs = received != null && storedText != null && !Arrays.equals(storedText.getBytes(charset), received);
        return new RawBytes(charset.name(), shown.length, List.copyOf(lines), shown.length > dumped, origin, undecodable,
                controls, lineEnds(evidence), differs);
    }

    /** The text encoded in the charset (what is shown without received bytes, or masked). */
    static RawBytes ofText(String text, byte[] received, String storedText, Charset charset, Origin origin) {
        return of(text == null ? new byte[0] : text.getBytes(charset), received, storedText, charset, origin);
    }

    /** Each byte's mark: the decoder's malformed and unmappable runs, then control bytes and line ends. */
    static Mark[] marks(byte[] bytes, Charset charset) {
        Mark[] marks = new Mark[bytes.length];
        Arrays.fill(marks, Mark.TEXT);
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(Math.max(16, bytes.length * 2));
        while (true) {
            CoderResult result = in.hasRemaining() ? decoder.decode(in, out, true) : decoder.flush(out);
            if (result.isError()) {
                int from = in.position();
                int to = Math.min(bytes.length, from + result.length());
                Arrays.fill(marks, from, to, Mark.UNDECODABLE);
                in.position(to);
            } else if (result.isOverflow()) {
                out.clear();
            } else if (!in.hasRemaining()) {
                break;
            }
        }
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            if (marks[i] != Mark.TEXT) {
                continue;
            }
            if (b == 0x0D || b == 0x0A) {
                marks[i] = Mark.LINE_END;
            } else if (b < 0x20 && b != 0x09 || b == 0x7F) {
                marks[i] = Mark.CONTROL;
            }
        }
        return marks;
    }

    private static LineEnds lineEnds(byte[] bytes) {
        int cr = 0;
        int lf = 0;
        int crlf = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0x0D && i + 1 < bytes.length && bytes[i + 1] == 0x0A) {
                crlf++;
                i++;
            } else if (bytes[i] == 0x0D) {
                cr++;
            } else if (bytes[i] == 0x0A) {
                lf++;
            }
        }
        return new LineEnds(cr, lf, crlf);
    }
}
