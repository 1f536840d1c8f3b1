package org.medops.portal.servicetest;

import org.medops.identity.CanUseDeveloperPortal;
import org.medops.identity.DeveloperAccounts;
import org.medops.shared.ProblemException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * 服务测试 in the portal: the developer's request goes through the real gateway signed with their own
 * channel's secret, on the server; the page sees the answer and the stringToSign, never the secret.
 */
@Controller
class PortalServiceTestController {

    private final ServiceTester tester;

    PortalServiceTestController(ServiceTester tester) {
        this.tester = tester;
    }

    @GetMapping("/portal/service-test")
    @CanUseDeveloperPortal
    String page(Authentication who, Model model) {
        return show(model, who, new PortalTest("GET", "/", "", "", ""), null);
    }

    @PostMapping("/portal/service-test")
    @CanUseDeveloperPortal
    String run(PortalTest test, Authentication who, Model model) {
        try {
            return show(model, who, test, tester.run(test.as(DeveloperAccounts.ownChannel(who)), who.getName()));
        } catch (ProblemException e) {
            model.addAttribute("problem", e);
            return show(model, who, test, null);
        }
    }

    /** A past test runs again as the developer's channel, whatever channel it named. */
    @PostMapping("/portal/service-test/{id}/rerun")
    @CanUseDeveloperPortal
    String rerun(@PathVariable long id, Authentication who, Model model) {
        ServiceTest past = tester.rerunnable(id, who.getName());
        PortalTest test = new PortalTest(past.method(), past.path(), past.query(), past.headers(), past.body());
        try {
            return show(model, who, test, tester.run(test.as(DeveloperAccounts.ownChannel(who)), who.getName()));
        } catch (ProblemException e) { // a test kept from before today's header rules
            model.addAttribute("problem", e);
            return show(model, who, test, null);
        }
    }

    private String show(Model model, Authentication who, PortalTest test, ServiceTestResult result) {
        model.addAttribute("form", test);
        model.addAttribute("result", result);
        model.addAttribute("channel", DeveloperAccounts.ownChannel(who));
        model.addAttribute("history", tester.history(who.getName()));
        return "developer/service-test";
    }
}
