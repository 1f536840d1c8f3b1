package org.medops.portal;

import org.medops.catalog.Catalog;
import org.medops.shared.ProblemException;
import org.springframework.security.access.prepost.PreAuthorize;
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

    ServiceTestController(ServiceTester tester, Catalog catalog) {
        this.tester = tester;
        this.catalog = catalog;
    }

    @GetMapping("/service-test")
    @PreAuthorize("hasAuthority('portal:service-test')")
    String page(Authentication who, Model model) {
        return show(model, who, new ServiceTest("", "GET", "/", "", "", ""), null);
    }

    @PostMapping("/service-test")
    @PreAuthorize("hasAuthority('portal:service-test')")
    String run(ServiceTest test, Authentication who, Model model) {
        try {
            return show(model, who, test, tester.run(test, who.getName()));
        } catch (ProblemException e) {
            model.addAttribute("problem", e);
            return show(model, who, test, null);
        }
    }

    @PostMapping("/service-test/{id}/rerun")
    @PreAuthorize("hasAuthority('portal:service-test')")
    String rerun(@PathVariable long id, Authentication who, Model model) {
        ServiceTest test = tester.rerunnable(id, who.getName());
        return show(model, who, test, tester.run(test, who.getName()));
    }

    private String show(Model model, Authentication who, ServiceTest test, ServiceTestResult result) {
        model.addAttribute("form", test);
        model.addAttribute("result", result);
        model.addAttribute("channels", catalog.channelCodes());
        model.addAttribute("history", tester.history(who.getName()));
        return "portal/service-test";
    }
}
