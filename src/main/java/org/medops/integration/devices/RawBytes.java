package org.medops.integration.devices;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The bytes a device sent, as a hex dump beside the text: the store keeps the decoded text, so the bytes are that
 * text encoded again in the channel's charset (what the source decoded it with). At most {@link #LIMIT} bytes are
 * dumped.
 */
public record RawBytes(String charset, int length, List<Line> lines, boolean cut) {

    static final int LIMIT = 16 * 1024;

    /** One line of 16 bytes: its offset, the bytes in hex, and the printable ASCII of them. */
    public record Line(String offset, String hex, String ascii) {
    }

    static RawBytes of(String text, Charset charset) {
        byte[] bytes = text == null ? new byte[0] : text.getBytes(charset);
        HexFormat hex = HexFormat.of().withUpperCase();
        List<Line> lines = new ArrayList<>();
        int shown = Math.min(bytes.length, LIMIT);
        for (int at = 0; at < shown; at += 16) {
            StringBuilder h = new StringBuilder();
            StringBuilder a = new StringBuilder();
            for (int i = at; i < Math.min(at + 16, shown); i++) {
                h.append(i > at ? " " : "").append(hex.toHexDigits(bytes[i]));
                int b = bytes[i] & 0xFF;
                a.append(b >= 0x20 && b < 0x7F ? (char) b : '.');
            }
            lines.add(new Line(String.format("%08X", at), h.toString(), a.toString()));
        }
        return new RawBytes(charset.name(), bytes.length, List.copyOf(lines), bytes.length > shown);
    }
}
