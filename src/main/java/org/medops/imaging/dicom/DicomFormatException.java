package org.medops.imaging.dicom;

/**
 * The bytes are not a DICOM file we can read. {@code reason} is a stable code (e.g. {@code dicom-no-prefix},
 * {@code dicom-truncated}); the message names where it went wrong.
 */
public class DicomFormatException extends RuntimeException {

    private final String reason;

    public DicomFormatException(String reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
