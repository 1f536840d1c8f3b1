package org.medops.portal.servicetest;

import java.util.List;

import jakarta.validation.Valid;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/service-tests")
class ServiceTestApi {

    private final ServiceTester tester;

    ServiceTestApi(ServiceTester tester) {
        this.tester = tester;
    }

    @PostMapping
    @CanRunServiceTests
    ServiceTestResult run(@Valid @RequestBody ServiceTest test, Authentication who) {
        return tester.run(test, who.getName());
    }

    @GetMapping
    @CanRunServiceTests
    List<ServiceTestView> history(Authentication who) {
        return tester.history(who.getName()).stream().map(ServiceTestView::of).toList();
    }

    @PostMapping("/{id}/rerun")
    @CanRunServiceTests
    ServiceTestResult rerun(@PathVariable long id, Authentication who) {
        return tester.run(tester.rerunnable(id, who.getName()), who.getName());
    }
}
