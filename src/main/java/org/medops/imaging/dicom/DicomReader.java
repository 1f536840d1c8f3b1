package org.medops.imaging.dicom;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a DICOM Part 10 file (PS3.10 §7): 128-byte preamble, "DICM", the file meta group in explicit VR little
 * endian, then the data set in the transfer syntax the meta group names. Sequences of defined and undefined length
 * are read into items (so nested attributes such as the Pixel Measures Sequence can be consulted); encapsulated pixel
 * data is kept as its fragments. Every read is bounds-checked: a truncated or damaged file is a
 * {@link DicomFormatException} naming the offset, never an index error.
 */
public final class DicomReader {

    /** VRs whose explicit form has two reserved bytes and a 32-bit length (PS3.5 §7.1.2). */
    private static final Set<String> LONG_VRS = Set.of("OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN",
            "UR", "UT", "UV");
    private static final long UNDEFINED = 0xFFFFFFFFL;
    private static final int MAX_DEPTH = 16;

    private final byte[] bytes;
    private int pos;
    private ByteOrder order = ByteOrder.LITTLE_ENDIAN;
    private boolean explicitVr = true;

    private DicomReader(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Reads the whole file. */
    public static DicomDataset read(byte[] file) {
        return new DicomReader(file).readFile();
    }

    private DicomDataset readFile() {
        if (bytes.length < 132 || !"DICM".equals(new String(bytes, 128, 4, StandardCharsets.US_ASCII))) {
            throw new DicomFormatException("dicom-no-prefix",
                    "no DICM prefix at byte 128: not a DICOM Part 10 file");
        }
        pos = 132;
        Map<Integer, DicomElement> meta = new LinkedHashMap<>();
        while (pos + 4 <= bytes.length && group(peekTagLittleEndian()) == 0x0002) {
            DicomElement e = readElement(0, false);
            meta.put(e.tag(), e);
        }
        DicomElement ts = meta.get(Tags.TRANSFER_SYNTAX_UID);
        if (ts == null) {
            throw new DicomFormatException("dicom-no-transfer-syntax", "file meta has no transfer syntax (0002,0010)");
        }
        TransferSyntax syntax = TransferSyntax.of(new String(ts.value(), StandardCharsets.US_ASCII).replace("\0", ""));
        order = syntax.bigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        explicitVr = syntax.explicitVr();
        Map<Integer, DicomElement> all = new LinkedHashMap<>(meta);
        all.putAll(readElements(bytes.length, 0, syntax));
        DicomDataset dataset = new DicomDataset(all, order, syntax);
        if (!dataset.contains(Tags.SOP_INSTANCE_UID) && !dataset.contains(Tags.MEDIA_STORAGE_SOP_INSTANCE_UID)) {
            throw new DicomFormatException("dicom-no-sop-instance-uid", "no SOP Instance UID (0008,0018)");
        }
        return dataset;
    }

    private Map<Integer, DicomElement> readElements(int end, int depth, TransferSyntax syntax) {
        Map<Integer, DicomElement> elements = new LinkedHashMap<>();
        while (pos < end) {
            int tag = peekTag();
            if (tag == Tags.ITEM_DELIMITATION) {
                pos += 8;
                break;
            }
            DicomElement e = readElement(depth, true);
            elements.put(e.tag(), e);
        }
        return elements;
    }

    private DicomElement readElement(int depth, boolean inDataSet) {
        int start = pos;
        boolean explicit = !inDataSet || explicitVr;
        ByteOrder elementOrder = inDataSet ? order : ByteOrder.LITTLE_ENDIAN;
        int tag = readTag(elementOrder);
        String vr;
        long length;
        if (explicit) {
            need(4, start);
            vr = new String(bytes, pos, 2, StandardCharsets.US_ASCII);
            if (!vr.matches("[A-Z]{2}")) {
                throw new DicomFormatException("dicom-bad-vr", "invalid VR at byte " + pos + " for " + Tags.format(tag));
            }
            pos += 2;
            if (LONG_VRS.contains(vr)) {
                pos += 2;
                length = readU32(elementOrder);
            } else {
                length = readU16(elementOrder);
            }
        } else {
            vr = Tags.implicitVr(tag);
            length = readU32(elementOrder);
            if (length == UNDEFINED && !vr.equals("OW") && !vr.equals("OB")) {
                vr = "SQ";
            }
        }
        if (tag == Tags.PIXEL_DATA && length == UNDEFINED) {
            return new DicomElement(tag, vr, null, null, readFragments());
        }
        if (vr.equals("SQ") || (vr.equals("UN") && length == UNDEFINED)) {
            return new DicomElement(tag, "SQ", null, readItems(length, depth), null);
        }
        if (length == UNDEFINED) {
            throw new DicomFormatException("dicom-bad-length", "undefined length for " + Tags.format(tag) + " " + vr);
        }
        need(length, start);
        byte[] value = new byte[(int) length];
        System.arraycopy(bytes, pos, value, 0, (int) length);
        pos += (int) length;
        return DicomElement.of(tag, vr, value);
    }

    private List<DicomDataset> readItems(long length, int depth) {
        if (depth >= MAX_DEPTH) {
            throw new DicomFormatException("dicom-too-deep", "sequences nested deeper than " + MAX_DEPTH);
        }
        int end = length == UNDEFINED ? bytes.length : checkedEnd(length);
        List<DicomDataset> items = new ArrayList<>();
        while (pos < end) {
            int at = pos;
            int tag = readTag(order);
            long itemLength = readU32(order);
            if (tag == Tags.SEQUENCE_DELIMITATION) {
                break;
            }
            if (tag != Tags.ITEM) {
                throw new DicomFormatException("dicom-bad-item", "expected an item at byte " + at);
            }
            int itemEnd = itemLength == UNDEFINED ? bytes.length : checkedEnd(itemLength);
            items.add(new DicomDataset(readElements(itemEnd, depth + 1, null), order, null));
        }
        return items;
    }

    /** Encapsulated pixel data (PS3.5 §A.4): items until the sequence delimiter, the first the offset table. */
    private List<byte[]> readFragments() {
        List<byte[]> fragments = new ArrayList<>();
        while (true) {
            int at = pos;
            int tag = readTag(order);
            long length = readU32(order);
            if (tag == Tags.SEQUENCE_DELIMITATION) {
                break;
            }
            if (tag != Tags.ITEM || length == UNDEFINED) {
                throw new DicomFormatException("dicom-bad-fragment", "expected a pixel data fragment at byte " + at);
            }
            need(length, at);
            byte[] fragment = new byte[(int) length];
            System.arraycopy(bytes, pos, fragment, 0, (int) length);
            pos += (int) length;
            fragments.add(fragment);
        }
        if (fragments.isEmpty()) {
            throw new DicomFormatException("dicom-bad-fragment", "encapsulated pixel data without an offset table");
        }
        return fragments;
    }

    private int checkedEnd(long length) {
        need(length, pos);
        return pos + (int) length;
    }

    private int peekTagLittleEndian() {
        return ((u16(pos, ByteOrder.LITTLE_ENDIAN)) << 16) | u16(pos + 2, ByteOrder.LITTLE_ENDIAN);
    }

    private int peekTag() {
        need(4, pos);
        return (u16(pos, order) << 16) | u16(pos + 2, order);
    }

    private int readTag(ByteOrder o) {
        need(4, pos);
        int tag = (u16(pos, o) << 16) | u16(pos + 2, o);
        pos += 4;
        return tag;
    }

    private long readU32(ByteOrder o) {
        need(4, pos);
        long v = o == ByteOrder.LITTLE_ENDIAN
                ? (bytes[pos] & 0xFFL) | (bytes[pos + 1] & 0xFFL) << 8 | (bytes[pos + 2] & 0xFFL) << 16
                        | (bytes[pos + 3] & 0xFFL) << 24
                : (bytes[pos + 3] & 0xFFL) | (bytes[pos + 2] & 0xFFL) << 8 | (bytes[pos + 1] & 0xFFL) << 16
                        | (bytes[pos] & 0xFFL) << 24;
        pos += 4;
        return v;
    }

    private int readU16(ByteOrder o) {
        need(2, pos);
        int v = u16(pos, o);
        pos += 2;
        return v;
    }

    private int u16(int at, ByteOrder o) {
        return o == ByteOrder.LITTLE_ENDIAN ? (bytes[at] & 0xFF) | (bytes[at + 1] & 0xFF) << 8
                : (bytes[at + 1] & 0xFF) | (bytes[at] & 0xFF) << 8;
    }

    private void need(long count, int elementStart) {
        if (count < 0 || pos + count > bytes.length) {
            throw new DicomFormatException("dicom-truncated",
                    "file ends inside the element starting at byte " + elementStart);
        }
    }

    private static int group(int tag) {
        return tag >>> 16;
    }
}
