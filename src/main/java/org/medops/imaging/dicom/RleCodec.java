package org.medops.imaging.dicom;

import java.io.ByteArrayOutputStream;

/**
 * RLE Lossless (PS3.5 Annex G): a frame is a 64-byte header (segment count, 15 offsets) and one PackBits segment per
 * byte plane, most significant byte first, sample by sample. Frames here are native little-endian bytes, samples
 * interleaved.
 */
public final class RleCodec {

    private RleCodec() {
    }

    public static byte[] decode(byte[] fragment, int pixels, int bytesPerSample, int samples) {
        if (fragment.length < 64) {
            throw new DicomFormatException("dicom-bad-rle", "RLE frame shorter than its 64-byte header");
        }
        int segments = le32(fragment, 0);
        if (segments != bytesPerSample * samples || segments > 15) {
            throw new DicomFormatException("dicom-bad-rle",
                    "RLE frame has " + segments + " segments, expected " + bytesPerSample * samples);
        }
        byte[] out = new byte[pixels * bytesPerSample * samples];
        for (int segment = 0; segment < segments; segment++) {
            int start = le32(fragment, 4 + 4 * segment);
            int end = segment + 1 < segments ? le32(fragment, 8 + 4 * segment) : fragment.length;
            if (start < 64 || end > fragment.length || start > end) {
                throw new DicomFormatException("dicom-bad-rle", "RLE segment " + segment + " offset out of range");
            }
            int sample = segment / bytesPerSample;
            int byteInSample = bytesPerSample - 1 - segment % bytesPerSample;
            unpack(fragment, start, end, out, sample * bytesPerSample + byteInSample, bytesPerSample * samples,
                    pixels);
        }
        return out;
    }

    /** PackBits: n ≥ 0 copies n+1 literal bytes, -127 ≤ n ≤ -1 repeats the next byte 1-n times, -128 is a no-op. */
    private static void unpack(byte[] in, int from, int to, byte[] out, int first, int stride, int count) {
        int written = 0;
        int i = from;
        while (written < count && i < to) {
            int n = in[i++];
            if (n >= 0) {
                for (int k = 0; k <= n && written < count; k++) {
                    if (i >= to) {
                        throw new DicomFormatException("dicom-bad-rle", "RLE literal run past its segment");
                    }
                    out[first + stride * written++] = in[i++];
                }
            } else if (n != -128) {
                if (i >= to) {
                    throw new DicomFormatException("dicom-bad-rle", "RLE replicate run past its segment");
                }
                byte b = in[i++];
                for (int k = 0; k < 1 - n && written < count; k++) {
                    out[first + stride * written++] = b;
                }
            }
        }
        if (written < count) {
            throw new DicomFormatException("dicom-bad-rle", "RLE segment ends after " + written + " of " + count
                    + " pixels");
        }
    }

    /** Encodes one frame, each row on its own as Annex G asks. */
    public static byte[] encode(byte[] frame, int rows, int columns, int bytesPerSample, int samples) {
        int segments = bytesPerSample * samples;
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int[] offsets = new int[segments];
        for (int segment = 0; segment < segments; segment++) {
            offsets[segment] = 64 + body.size();
            int sample = segment / bytesPerSample;
            int byteInSample = bytesPerSample - 1 - segment % bytesPerSample;
            byte[] plane = new byte[rows * columns];
            for (int p = 0; p < plane.length; p++) {
                plane[p] = frame[(p * samples + sample) * bytesPerSample + byteInSample];
            }
            for (int row = 0; row < rows; row++) {
                pack(plane, row * columns, columns, body);
            }
            if (body.size() % 2 != 0) {
                body.write(0x80);
            }
        }
        byte[] header = new byte[64];
        putLe32(header, 0, segments);
        for (int s = 0; s < segments; s++) {
            putLe32(header, 4 + 4 * s, offsets[s]);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header);
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    private static void pack(byte[] in, int from, int length, ByteArrayOutputStream out) {
        int i = from;
        int end = from + length;
        while (i < end) {
            int run = 1;
            while (i + run < end && run < 128 && in[i + run] == in[i]) {
                run++;
            }
            if (run >= 2) {
                out.write(1 - run);
                out.write(in[i]);
                i += run;
                continue;
            }
            int literal = 1;
            while (i + literal < end && literal < 128
                    && !(i + literal + 1 < end && in[i + literal] == in[i + literal + 1])) {
                literal++;
            }
            out.write(literal - 1);
            out.write(in, i, literal);
            i += literal;
        }
    }

    private static int le32(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16 | (b[at + 3] & 0xFF) << 24;
    }

    private static void putLe32(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
        b[at + 2] = (byte) (v >>> 16);
        b[at + 3] = (byte) (v >>> 24);
    }
}
