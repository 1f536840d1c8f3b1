package org.medops.portal;

import org.medops.identity.CanUseDeveloperPortal;
import org.medops.shared.ProblemException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * 接入指南: the signature guide with its samples, and the signature checker as a form. The secret a
 * developer pastes into the checker serves this one answer: it is not stored, logged or shown back.
 */
@Controller
class PortalGuideController {

    private final SignatureGuide guide;
    private final SignatureCheckApi checker;

    PortalGuideController(SignatureGuide guide, SignatureCheckApi checker) {
        this.guide = guide;
        this.checker = checker;
    }

    @GetMapping("/portal/guide")
    @CanUseDeveloperPortal
    String guide(Model model) {
        return show(model, new SignatureCheckApi.SignatureInput("POST", "/his/patients/search",
                "page=1&name=%E5%BC%A0%E4%B8%89&dept=cardiology&dept=ICU", "1795400000000",
                "9f1c2d3e4b5a69788796a5b4c3d2e1f0", "{\"idType\":\"card\",\"pageSize\":20}", ""));
    }

    @PostMapping("/portal/guide/check")
    @CanUseDeveloperPortal
    String check(SignatureCheckApi.SignatureInput input, Model model) {
        if (input.secret() == null || input.secret().isBlank() || input.path() == null || input.method() == null
                || input.timestamp() == null || input.nonce() == null) {
            model.addAttribute("problem", ProblemException.invalid("check-incomplete"));
        } else {
            model.addAttribute("check", checker.check(input));
        }
        return show(model, new SignatureCheckApi.SignatureInput(input.method(), input.path(), input.query(),
                input.timestamp(), input.nonce(), input.body(), ""));
    }

    private String show(Model model, SignatureCheckApi.SignatureInput input) {
        model.addAttribute("guideHtml", guide.html());
        model.addAttribute("samples", guide.samples());
        model.addAttribute("checkInput", input);
        return "developer/guide";
    }
}
