package org.medops.signature.verification;

import java.util.List;

import org.medops.signature.PdfVerification;
import org.medops.signature.SignedDocument;

/** A verification as the API answers it: the overall status, the kept document when verified by id, each signature. */
record Verified(String status, SignedDocument document, List<PdfVerification.Check> signatures) {

    static Verified of(PdfVerification result, SignedDocument document) {
        return new Verified(result.status(), document, result.signatures());
    }
}
