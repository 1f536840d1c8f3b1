package org.medops.imaging.dicom;

import java.util.Arrays;

/** The transfer syntaxes MedOps knows, and whether its own decoder renders their pixel data. */
public enum TransferSyntax {
    IMPLICIT_VR_LITTLE_ENDIAN("1.2.840.10008.1.2", false, false, false, true),
    EXPLICIT_VR_LITTLE_ENDIAN("1.2.840.10008.1.2.1", true, false, false, true),
    EXPLICIT_VR_BIG_ENDIAN("1.2.840.10008.1.2.2", true, true, false, true),
    RLE_LOSSLESS("1.2.840.10008.1.2.5", true, false, true, true),
    JPEG_BASELINE("1.2.840.10008.1.2.4.50", true, false, true, true),
    JPEG_EXTENDED("1.2.840.10008.1.2.4.51", true, false, true, false),
    JPEG_LOSSLESS("1.2.840.10008.1.2.4.57", true, false, true, false),
    JPEG_LOSSLESS_SV1("1.2.840.10008.1.2.4.70", true, false, true, false),
    JPEG_LS_LOSSLESS("1.2.840.10008.1.2.4.80", true, false, true, false),
    JPEG_LS_NEAR_LOSSLESS("1.2.840.10008.1.2.4.81", true, false, true, false),
    JPEG_2000_LOSSLESS("1.2.840.10008.1.2.4.90", true, false, true, false),
    JPEG_2000("1.2.840.10008.1.2.4.91", true, false, true, false);

    private final String uid;
    private final boolean explicitVr;
    private final boolean bigEndian;
    private final boolean encapsulated;
    private final boolean decodable;

    TransferSyntax(String uid, boolean explicitVr, boolean bigEndian, boolean encapsulated, boolean decodable) {
        this.uid = uid;
        this.explicitVr = explicitVr;
        this.bigEndian = bigEndian;
        this.encapsulated = encapsulated;
        this.decodable = decodable;
    }

    public static TransferSyntax of(String uid) {
        String trimmed = uid == null ? "" : uid.trim();
        return Arrays.stream(values()).filter(t -> t.uid.equals(trimmed)).findFirst()
                .orElseThrow(() -> new DicomFormatException("dicom-unknown-transfer-syntax",
                        "unknown transfer syntax " + trimmed));
    }

    public String uid() {
        return uid;
    }

    public boolean explicitVr() {
        return explicitVr;
    }

    public boolean bigEndian() {
        return bigEndian;
    }

    public boolean encapsulated() {
        return encapsulated;
    }

    /** Whether MedOps itself turns the pixel data into pixels (the file is stored and served either way). */
    public boolean decodable() {
        return decodable;
    }
}
