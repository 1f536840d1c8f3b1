package org.medops.portal.servicetest;

import org.medops.catalog.Catalog;
import org.medops.portal.SignatureCheckApi;
import org.medops.shared.ProblemException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** 服务测试: compose, send signed through the gateway, read the answer; re-run from the history. */
@Controller
class ServiceTestController {

    private final ServiceTester tester;
    private final Catalog catalog;
    private final SignatureCheckApi checker;

    ServiceTestController(ServiceTester tester, Catalog catalog, SignatureCheckApi checker) {
        this.tester = tester;
        this.catalog = catalog;
        this.checker = checker;
    }

    @GetMapping("/service-test")
    @CanRunServiceTests
    String page(Authentication who, Model model) {
        return show(model, who, new ServiceTest("", "GET", "/", "", "", ""), null);
    }

    @PostMapping("/service-test")
    @CanRunServiceTests
    String run(ServiceTest test, Authentication who, Model model) {
        try {
            return show(model, who, test, tester.run(test, who.getName()));
        } catch (ProblemException e) {
            model.addAttribute("problem", e);
            return show(model, who, test, null);
        }
    }

    @PostMapping("/service-test/{id}/rerun")
    @CanRunServiceTests
    String rerun(@PathVariable long id, Authentication who, Model model) {
        ServiceTest test = tester.rerunnable(id, who.getName());
        try {
            return show(model, who, test, tester.run(test, who.getName()));
        } catch (ProblemException e) { // a test kept from before today's header rules
            model.addAttribute("problem", e);
            return show(model, who, test, null);
        }
    }

    /** The signature checker (签名校验): the pasted secret is used for this answer only. */
    @PostMapping("/service-test/check")
    @CanRunServiceTests
    String check(SignatureCheckApi.SignatureInput input, Authentication who, Model model) {
        if (input.secret() == null || input.secret().isBlank() || input.path() == null || input.method() == null
                || input.timestamp() == null || input.nonce() == null) {
            model.addAttribute("problem", ProblemException.invalid("check-incomplete"));
        } else {
            model.addAttribute("check", checker.check(input));
        }
        model.addAttribute("checkInput", new SignatureCheckApi.SignatureInput(input.method(), input.path(), input.query(),
                input.timestamp(), input.nonce(), input.body(), ""));
        return show(model, who, new ServiceTest("", "GET", "/", "", "", ""), null);
    }

    private String show(Model model, Authentication who, ServiceTest test, ServiceTestResult result) {
        model.addAttribute("form", test);
        model.addAttribute("result", result);
        model.addAttribute("channels", catalog.channelCodes());
        model.addAttribute("history", tester.history(who.getName()));
        return "portal/service-test";
    }
}
