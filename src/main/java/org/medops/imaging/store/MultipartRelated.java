package org.medops.imaging.store;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.medops.shared.ProblemException;

/** multipart/related (RFC 2387) as DICOMweb uses it: STOW-RS request bodies in, WADO-RS responses out. */
final class MultipartRelated {

    private MultipartRelated() {
    }

    record Part(String contentType, byte[] body) {
    }

    record Written(String contentType, byte[] body) {
    }

    static List<Part> parse(byte[] body, String contentType) {
        String boundary = parameter(contentType, "boundary");
        if (boundary == null || boundary.isEmpty()) {
            throw ProblemException.invalid("imaging-stow-boundary");
        }
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
        List<Part> parts = new ArrayList<>();
        int at = indexOf(body, delimiter, 0);
        while (at >= 0) {
            int lineEnd = at + delimiter.length;
            if (lineEnd + 1 < body.length && body[lineEnd] == '-' && body[lineEnd + 1] == '-') {
                break; // closing delimiter
            }
            int headersStart = skipLineBreak(body, lineEnd);
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), headersStart);
            if (headersEnd < 0) {
                throw ProblemException.invalid("imaging-stow-malformed");
            }
            String headers = new String(body, headersStart, headersEnd - headersStart, StandardCharsets.ISO_8859_1);
            int contentStart = headersEnd + 4;
            int next = indexOf(body, ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII), contentStart);
            if (next < 0) {
                throw ProblemException.invalid("imaging-stow-malformed");
            }
            byte[] content = java.util.Arrays.copyOfRange(body, contentStart, next);
            parts.add(new Part(header(headers, "content-type"), content));
            at = next + 2;
        }
        return parts;
    }

    static Written write(String partType, List<byte[]> bodies) {
        String boundary = "medops-" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] b : bodies) {
            out.writeBytes(("--" + boundary + "\r\nContent-Type: " + partType + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(b);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return new Written("multipart/related; type=\"" + partType + "\"; boundary=" + boundary, out.toByteArray());
    }

    static String parameter(String contentType, String name) {
        if (contentType == null) {
            return null;
        }
        for (String piece : contentType.split(";")) {
            String p = piece.trim();
            int eq = p.indexOf('=');
            if (eq > 0 && p.substring(0, eq).trim().equalsIgnoreCase(name)) {
                String v = p.substring(eq + 1).trim();
                return v.startsWith("\"") && v.endsWith("\"") && v.length() >= 2 ? v.substring(1, v.length() - 1) : v;
            }
        }
        return null;
    }

    private static String header(String headers, String name) {
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }

    private static int skipLineBreak(byte[] b, int at) {
        if (at + 1 < b.length && b[at] == '\r' && b[at + 1] == '\n') {
            return at + 2;
        }
        return at;
    }

    private static int indexOf(byte[] hay, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= hay.length - needle.length; i++) {
            for (int k = 0; k < needle.length; k++) {
                if (hay[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
