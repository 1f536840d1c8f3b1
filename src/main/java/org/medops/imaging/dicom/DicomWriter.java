package org.medops.imaging.dicom;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import javax.imageio.ImageIO;

/**
 * Writes DICOM Part 10 files: tests and the demo make their own images with it (CT-like signed 16-bit, multi-frame
 * XA, RLE and JPEG baseline encapsulations). Attributes are given with their VR; the writer pads values to even
 * length, orders tags and writes the file meta group.
 */
public final class DicomWriter {

    private static final String IMPLEMENTATION_UID = "1.2.826.0.1.3680043.10.1447.1";

    private final TransferSyntax syntax;
    private final Map<Integer, Value> values = new TreeMap<>(Integer::compareUnsigned);
    private Charset charset = StandardCharsets.US_ASCII;
    private boolean undefinedSequences;

    private sealed interface Value permits Text, Binary, Sequence, Fragments {
    }

    private record Text(String vr, String text) implements Value {
    }

    private record Binary(String vr, byte[] littleEndian, int wordSize) implements Value {
    }

    private record Sequence(List<DicomWriter> items) implements Value {
    }

    private record Fragments(List<byte[]> frames) implements Value {
    }

    private DicomWriter(TransferSyntax syntax) {
        this.syntax = syntax;
    }

    public static DicomWriter create(TransferSyntax syntax) {
        return new DicomWriter(syntax);
    }

    /** A text attribute; several values are joined by the backslash. */
    public DicomWriter text(int tag, String vr, String... parts) {
        values.put(tag, new Text(vr, String.join("\\", parts)));
        if (tag == Tags.SPECIFIC_CHARACTER_SET && String.join("", parts).contains("GB18030")) {
            charset = Charset.forName("GB18030");
        } else if (tag == Tags.SPECIFIC_CHARACTER_SET && String.join("", parts).contains("ISO_IR 192")) {
            charset = StandardCharsets.UTF_8;
        }
        return this;
    }

    public DicomWriter decimals(int tag, double... numbers) {
        String[] parts = new String[numbers.length];
        for (int i = 0; i < numbers.length; i++) {
            parts[i] = formatDecimal(numbers[i]);
        }
        return text(tag, "DS", parts);
    }

    public DicomWriter integerString(int tag, int number) {
        return text(tag, "IS", Integer.toString(number));
    }

    public DicomWriter unsignedShort(int tag, int... numbers) {
        ByteBuffer b = ByteBuffer.allocate(numbers.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int n : numbers) {
            b.putShort((short) n);
        }
        values.put(tag, new Binary("US", b.array(), 2));
        return this;
    }

    public DicomWriter sequence(int tag, DicomWriter... items) {
        values.put(tag, new Sequence(List.of(items)));
        return this;
    }

    /** Writes sequences and items with undefined length and delimiters, as many modalities do. */
    public DicomWriter undefinedLengthSequences() {
        this.undefinedSequences = true;
        return this;
    }

    /** An item to nest in {@link #sequence}. */
    public static DicomWriter item() {
        return new DicomWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
    }

    /**
     * Pixel data from stored values, frame after frame ({@code frames[f][row * columns + column]}, grayscale), encoded
     * for this writer's transfer syntax. Sets the image pixel module's attributes.
     */
    public DicomWriter grayscale(int rows, int columns, int bitsStored, boolean signed, int[]... frames) {
        int bitsAllocated = bitsStored <= 8 ? 8 : 16;
        unsignedShort(Tags.SAMPLES_PER_PIXEL, 1);
        text(Tags.PHOTOMETRIC_INTERPRETATION, "CS", "MONOCHROME2");
        unsignedShort(Tags.ROWS, rows);
        unsignedShort(Tags.COLUMNS, columns);
        unsignedShort(Tags.BITS_ALLOCATED, bitsAllocated);
        unsignedShort(Tags.BITS_STORED, bitsStored);
        unsignedShort(Tags.HIGH_BIT, bitsStored - 1);
        unsignedShort(Tags.PIXEL_REPRESENTATION, signed ? 1 : 0);
        if (frames.length > 1) {
            integerString(Tags.NUMBER_OF_FRAMES, frames.length);
        }
        int bytes = bitsAllocated / 8;
        int mask = (1 << bitsStored) - 1;
        List<byte[]> encoded = new ArrayList<>();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (int[] frame : frames) {
            if (frame.length != rows * columns) {
                throw new IllegalArgumentException("frame has " + frame.length + " pixels, expected " + rows * columns);
            }
            byte[] raw = new byte[frame.length * bytes];
            for (int p = 0; p < frame.length; p++) {
                int v = frame[p] & mask;
                raw[p * bytes] = (byte) v;
                if (bytes == 2) {
                    raw[p * bytes + 1] = (byte) (v >>> 8);
                }
            }
            switch (syntax) {
                case RLE_LOSSLESS -> encoded.add(RleCodec.encode(raw, rows, columns, bytes, 1));
                case JPEG_BASELINE -> encoded.add(jpeg(frame, rows, columns, bitsStored));
                default -> all.writeBytes(raw);
            }
        }
        if (syntax.encapsulated()) {
            values.put(Tags.PIXEL_DATA, new Fragments(encoded));
        } else {
            byte[] raw = all.toByteArray();
            byte[] padded = raw.length % 2 == 0 ? raw : java.util.Arrays.copyOf(raw, raw.length + 1);
            values.put(Tags.PIXEL_DATA, new Binary(bytes == 2 ? "OW" : "OB", padded, bytes));
        }
        return this;
    }

    private static byte[] jpeg(int[] frame, int rows, int columns, int bitsStored) {
        if (bitsStored != 8) {
            throw new IllegalArgumentException("JPEG baseline holds 8-bit samples");
        }
        BufferedImage image = new BufferedImage(columns, rows, BufferedImage.TYPE_BYTE_GRAY);
        image.getRaster().setPixels(0, 0, columns, rows, frame);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpeg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[128]);
        out.writeBytes("DICM".getBytes(StandardCharsets.US_ASCII));
        ByteArrayOutputStream meta = new ByteArrayOutputStream();
        Element metaWriter = new Element(meta, ByteOrder.LITTLE_ENDIAN, true, charset, undefinedSequences);
        metaWriter.write(0x00020001, new Binary("OB", new byte[] {0, 1}, 1));
        metaWriter.write(Tags.MEDIA_STORAGE_SOP_CLASS_UID, textOf(Tags.SOP_CLASS_UID, "UI"));
        metaWriter.write(Tags.MEDIA_STORAGE_SOP_INSTANCE_UID, textOf(Tags.SOP_INSTANCE_UID, "UI"));
        metaWriter.write(Tags.TRANSFER_SYNTAX_UID, new Text("UI", syntax.uid()));
        metaWriter.write(Tags.IMPLEMENTATION_CLASS_UID, new Text("UI", IMPLEMENTATION_UID));
        byte[] metaBytes = meta.toByteArray();
        Element head = new Element(out, ByteOrder.LITTLE_ENDIAN, true, charset, false);
        head.write(Tags.FILE_META_GROUP_LENGTH, new Binary("UL", ByteBuffer.allocate(4)
                .order(ByteOrder.LITTLE_ENDIAN).putInt(metaBytes.length).array(), 4));
        out.writeBytes(metaBytes);
        out.writeBytes(dataSet(syntax.bigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN,
                syntax.explicitVr(), charset));
        return out.toByteArray();
    }

    private Text textOf(int tag, String vr) {
        Value v = values.get(tag);
        return v instanceof Text t ? t : new Text(vr, "");
    }

    private byte[] dataSet(ByteOrder order, boolean explicit, Charset cs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Element writer = new Element(out, order, explicit, cs, undefinedSequences);
        values.forEach(writer::write);
        return out.toByteArray();
    }

    private static String formatDecimal(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        String s = String.format(Locale.ROOT, "%.10g", d).replaceAll("0+$", "").replaceAll("\\.$", "");
        return s.length() > 16 ? s.substring(0, 16) : s;
    }

    /** Encodes elements in one byte order and VR mode. */
    private record Element(ByteArrayOutputStream out, ByteOrder order, boolean explicit, Charset charset,
                           boolean undefinedSequences) {

        void write(int tag, Value value) {
            if (value instanceof Text t) {
                    byte[] bytes = t.text().getBytes(t.vr().equals("UI") ? StandardCharsets.US_ASCII : charset);
                    if (bytes.length % 2 != 0) {
                        bytes = java.util.Arrays.copyOf(bytes, bytes.length + 1);
                        bytes[bytes.length - 1] = (byte) (t.vr().equals("UI") ? 0 : ' ');
                    }
                    header(tag, t.vr(), bytes.length);
                    out.writeBytes(bytes);
            } else if (value instanceof Binary b) {
                    byte[] bytes = b.littleEndian();
                    if (order == ByteOrder.BIG_ENDIAN && b.wordSize() > 1) {
                        bytes = swap(bytes, b.wordSize());
                    }
                    header(tag, b.vr(), bytes.length);
                    out.writeBytes(bytes);
            } else if (value instanceof Sequence s) {
                    List<byte[]> items = s.items().stream().map(i -> i.dataSet(order, explicit, charset)).toList();
                    if (undefinedSequences) {
                        header(tag, "SQ", -1);
                        for (byte[] item : items) {
                            marker(Tags.ITEM, -1);
                            out.writeBytes(item);
                            marker(Tags.ITEM_DELIMITATION, 0);
                        }
                        marker(Tags.SEQUENCE_DELIMITATION, 0);
                    } else {
                        header(tag, "SQ", items.stream().mapToInt(i -> i.length + 8).sum());
                        for (byte[] item : items) {
                            marker(Tags.ITEM, item.length);
                            out.writeBytes(item);
                        }
                    }
            } else if (value instanceof Fragments f) {
                    header(tag, "OB", -1);
                    marker(Tags.ITEM, 0); // empty basic offset table: one fragment per frame
                    for (byte[] frame : f.frames()) {
                        byte[] even = frame.length % 2 == 0 ? frame : java.util.Arrays.copyOf(frame, frame.length + 1);
                        marker(Tags.ITEM, even.length);
                        out.writeBytes(even);
                    }
                    marker(Tags.SEQUENCE_DELIMITATION, 0);
            }
        }

        private void header(int tag, String vr, int length) {
            tag(tag);
            if (explicit) {
                out.writeBytes(vr.getBytes(StandardCharsets.US_ASCII));
                if (List.of("OB", "OW", "OF", "SQ", "UN", "UT", "UC", "UR").contains(vr)) {
                    out.write(0);
                    out.write(0);
                    u32(length);
                } else {
                    u16(length);
                }
            } else {
                u32(length);
            }
        }

        private void marker(int tag, int length) {
            tag(tag);
            u32(length);
        }

        private void tag(int tag) {
            u16(tag >>> 16);
            u16(tag & 0xFFFF);
        }

        private void u16(int v) {
            if (order == ByteOrder.LITTLE_ENDIAN) {
                out.write(v);
                out.write(v >>> 8);
            } else {
                out.write(v >>> 8);
                out.write(v);
            }
        }

        private void u32(int v) {
            if (order == ByteOrder.LITTLE_ENDIAN) {
                u16(v & 0xFFFF);
                u16(v >>> 16);
            } else {
                u16(v >>> 16);
                u16(v & 0xFFFF);
            }
        }

        private static byte[] swap(byte[] in, int word) {
            byte[] out = new byte[in.length];
            for (int i = 0; i + word <= in.length; i += word) {
                for (int k = 0; k < word; k++) {
                    out[i + k] = in[i + word - 1 - k];
                }
            }
            return out;
        }
    }
}
