package org.medops.signature;

import java.time.Instant;

/** A document MedOps signed and keeps: which document, who signed it, with which certificate, when. */
public record SignedDocument(long id, String documentType, String documentRef, String signer, String signerName,
                            String certificateSerial, Instant signedAt, int size) {
}
