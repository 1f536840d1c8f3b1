package org.medops.imaging.dicom;

import java.util.List;

/**
 * One attribute as read: its raw value bytes in the data set's byte order, the items of a sequence, or the fragments
 * of encapsulated pixel data (the basic offset table first).
 */
public record DicomElement(int tag, String vr, byte[] value, List<DicomDataset> items, List<byte[]> fragments) {

    public DicomElement {
        value = value == null ? new byte[0] : value;
        items = items == null ? List.of() : List.copyOf(items);
        fragments = fragments == null ? List.of() : List.copyOf(fragments);
    }

    static DicomElement of(int tag, String vr, byte[] value) {
        return new DicomElement(tag, vr, value, null, null);
    }

    boolean encapsulated() {
        return !fragments.isEmpty();
    }
}
