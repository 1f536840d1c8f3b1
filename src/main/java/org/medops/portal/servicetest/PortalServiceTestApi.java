package org.medops.portal.servicetest;

import java.util.List;

import jakarta.validation.Valid;
import org.medops.identity.DeveloperAccounts;
import org.medops.identity.CanUseDeveloperPortal;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Service tests of a developer, as their own channel; the history is theirs alone. */
@RestController
class PortalServiceTestApi {

    private final ServiceTester tester;

    PortalServiceTestApi(ServiceTester tester) {
        this.tester = tester;
    }

    @PostMapping("/api/v1/portal/service-tests")
    @CanUseDeveloperPortal
    ServiceTestResult run(@Valid @RequestBody PortalTest test, Authentication who) {
        return tester.run(test.as(DeveloperAccounts.ownChannel(who)), who.getName());
    }

    @GetMapping("/api/v1/portal/service-tests")
    @CanUseDeveloperPortal
    List<ServiceTestView> history(Authentication who) {
        return tester.history(who.getName()).stream().map(ServiceTestView::of).toList();
    }
}
