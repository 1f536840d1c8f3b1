package org.medops.signature.verification;

import java.util.List;

import org.medops.shared.ProblemException;
import org.medops.signature.SignedDocument;
import org.medops.signature.SignedDocuments;
import org.medops.signature.permissions.CanVerifySignatures;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Verification over REST: an uploaded PDF, or a document MedOps signed by its id; the list of signed documents. */
@RestController
@RequestMapping("/api/v1/signatures")
class SignaturesApi {

    private final SignedDocuments documents;

    SignaturesApi(SignedDocuments documents) {
        this.documents = documents;
    }

    @PostMapping(value = "/verify", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @CanVerifySignatures
    Verified verifyUpload(@RequestParam(required = false) MultipartFile file) {
        byte[] pdf = Uploads.pdf(file);
        return Verified.of(documents.verifyUpload(Uploads.name(file), pdf), null);
    }

    @GetMapping("/verify")
    @CanVerifySignatures
    Verified verifyDocument(@RequestParam(required = false) Long document) {
        if (document == null) {
            throw ProblemException.invalid("signature-document-missing");
        }
        SignedDocument kept = documents.find(document).orElseThrow(() -> ProblemException.notFound("signed-document", document));
        return Verified.of(documents.verifyStored(document), kept);
    }

    @GetMapping("/documents")
    @CanVerifySignatures
    List<SignedDocument> recent(@RequestParam(defaultValue = "50") int limit) {
        return documents.recent(limit);
    }
}
