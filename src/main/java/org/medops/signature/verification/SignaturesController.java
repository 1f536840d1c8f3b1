package org.medops.signature.verification;

import org.medops.shared.ProblemException;
import org.medops.signature.SignedDocuments;
import org.medops.signature.permissions.CanVerifySignatures;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** 签名验证: upload a PDF or pick a signed document; the page says who signed, when, and whether it changed. */
@Controller
class SignaturesController {

    static final int RECENT = 20;

    private final SignedDocuments documents;

    SignaturesController(SignedDocuments documents) {
        this.documents = documents;
    }

    @GetMapping("/signatures/verify")
    @CanVerifySignatures
    String page(@RequestParam(required = false) Long document, Model model) {
        if (document != null) {
            try {
                var kept = documents.find(document).orElseThrow(() -> ProblemException.notFound("signed-document", document));
                model.addAttribute("result", Verified.of(documents.verifyStored(document), kept));
            } catch (ProblemException e) {
                model.addAttribute("problem", e);
            }
        }
        return page(model);
    }

    @PostMapping("/signatures/verify")
    @CanVerifySignatures
    String upload(@RequestParam(required = false) MultipartFile file, Model model) {
        try {
            byte[] pdf = Uploads.pdf(file);
            model.addAttribute("result", Verified.of(documents.verifyUpload(Uploads.name(file), pdf), null));
            model.addAttribute("uploaded", Uploads.name(file));
        } catch (ProblemException e) {
            model.addAttribute("problem", e);
        }
        return page(model);
    }

    private String page(Model model) {
        model.addAttribute("recent", documents.recent(RECENT));
        return "signatures/verify";
    }
}
