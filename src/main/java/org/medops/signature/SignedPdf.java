package org.medops.signature;

import java.time.Instant;

/** A PDF with its new signature, and the certificate that made it. */
public record SignedPdf(byte[] pdf, String certificateSerial, String certificateSubject, Instant signedAt) {
}
