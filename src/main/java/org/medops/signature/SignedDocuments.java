package org.medops.signature;

import java.util.List;
import java.util.Optional;

import org.medops.shared.AuditableEvent.Outcome;
import org.medops.shared.FieldChange;
import org.medops.shared.ProblemException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The documents modules have signed electronically: a module hands over its PDF and the signer inside its own
 * action (a sign-off, a finalise), the signature service embeds the signature, and the signed PDF is kept here to
 * be downloaded and verified. Signing and every verification are audited, a verification with its result.
 */
@Service
public class SignedDocuments {

    public static final int MAX_REASON = 200;

    private final SignatureService signatures;
    private final SignedDocumentStore store;
    private final ApplicationEventPublisher events;
    private final SheetPdf sheets;

    SignedDocuments(SignatureService signatures, SignedDocumentStore store, ApplicationEventPublisher events,
                    SheetPdf sheets) {
        this.signatures = signatures;
        this.store = store;
        this.events = events;
        this.sheets = sheets;
    }

    /**
     * Prints {@code sheet} as a PDF and signs it like {@link #sign}; empty, and nothing signed, where the server has
     * no CJK font to print with (the caller's own record of the act stands alone then).
     */
    @Transactional
    public Optional<SignedDocument> signSheet(String documentType, String documentRef, Signer signer, String reason,
                                              Sheet sheet) {
        return sheets.font().map(font -> sign(documentType, documentRef, signer, reason, sheets.print(sheet, font)));
    }

    /**
     * Signs {@code pdf} for {@code signer} as document {@code documentRef} of {@code documentType} (e.g. {@code
     * inspection-report}, a round id) and keeps it; joins the caller's transaction, so a refused sign-off keeps no
     * signature. A document is signed once: a second signing is refused with 409.
     */
    @Transactional
    public SignedDocument sign(String documentType, String documentRef, Signer signer, String reason, byte[] pdf) {
        if (store.find(documentType, documentRef).isPresent()) {
            throw ProblemException.conflict("signature-document-signed", documentType + " " + documentRef);
        }
        String why = reason == null ? "" : reason.strip();
        SignedPdf signed = signatures.sign(pdf, signer, why.length() > MAX_REASON ? why.substring(0, MAX_REASON) : why);
        long id = store.insert(documentType, documentRef, signer, signed);
        events.publishEvent(new SignatureAction("signature.document.sign", documentType, documentRef, Outcome.SUCCESS,
                List.of(FieldChange.set("signatureDocument", id), FieldChange.set("signatureSigner", signer.name()),
                        FieldChange.set("signatureCertificate", signed.certificateSerial()))));
        return store.find(id).orElseThrow();
    }

    public Optional<SignedDocument> find(String documentType, String documentRef) {
        return store.find(documentType, documentRef);
    }

    public Optional<SignedDocument> find(long id) {
        return store.find(id);
    }

    /** The signed PDF of a document, when it was signed electronically. */
    public Optional<byte[]> pdf(String documentType, String documentRef) {
        return store.find(documentType, documentRef).flatMap(d -> store.pdf(d.id()));
    }

    public Optional<byte[]> pdf(long id) {
        return store.pdf(id);
    }

    public List<SignedDocument> recent(int limit) {
        return store.recent(Math.max(1, Math.min(limit, 100)));
    }

    /** Verifies an uploaded PDF; audited with its result. */
    @Transactional
    public PdfVerification verifyUpload(String filename, byte[] pdf) {
        if (pdf == null || pdf.length == 0) {
            throw ProblemException.invalid("signature-file-missing");
        }
        PdfVerification result = signatures.verify(pdf);
        audit("uploaded-pdf", filename == null || filename.isBlank() ? "upload.pdf" : filename, result);
        return result;
    }

    /** Verifies the kept PDF of a signed document; audited with its result. */
    @Transactional
    public PdfVerification verifyStored(long id) {
        byte[] pdf = store.pdf(id).orElseThrow(() -> ProblemException.notFound("signed-document", id));
        PdfVerification result = signatures.verify(pdf);
        audit("signed-document", String.valueOf(id), result);
        return result;
    }

    private void audit(String targetType, String targetId, PdfVerification result) {
        String signers = String.join(", ", result.signatures().stream().map(PdfVerification.Check::name).toList());
        events.publishEvent(new SignatureAction("signature.verify", targetType, targetId,
                result.valid() ? Outcome.SUCCESS : Outcome.FAILURE,
                signers.isEmpty() ? List.of(FieldChange.set("signatureResult", result.status()))
                        : List.of(FieldChange.set("signatureResult", result.status()),
                        FieldChange.set("signatureSigner", signers))));
    }
}
