package org.medops.portal.registration;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.medops.identity.People;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Registering (open to anyone, the account waits) and the administrators' approval of registrations. */
@RestController
class RegistrationApi {

    private final Registrations registrations;
    private final People people;

    RegistrationApi(Registrations registrations, People people) {
        this.registrations = registrations;
        this.people = people;
    }

    /** Answers with the registration minus anything secret; the account cannot sign in yet. */
    @PostMapping("/api/v1/portal/registrations")
    ResponseEntity<RegistrationView> register(@Valid @RequestBody RegistrationForm form,
                                                   jakarta.servlet.http.HttpServletRequest request) {
        DeveloperRegistration registration = registrations.register(form, request.getRemoteAddr());
        return ResponseEntity.created(URI.create("/api/v1/developer-registrations/" + registration.id()))
                .body(RegistrationView.of(registration, people));
    }

    @GetMapping("/api/v1/developer-registrations")
    @CanApproveRegistrations
    List<RegistrationView> list(@RequestParam(required = false) String status) {
        return registrations.list(status).stream().map(r -> RegistrationView.of(r, people)).toList();
    }

    @PostMapping("/api/v1/developer-registrations/{id}/approve")
    @CanApproveRegistrations
    RegistrationView approve(@PathVariable long id, @Valid @RequestBody(required = false) Binding binding,
                                  Authentication who) {
        return RegistrationView.of(registrations.approve(id, binding == null ? null : binding.channelCode(),
                binding != null && Boolean.TRUE.equals(binding.owner()), who.getName()), people);
    }

    @PostMapping("/api/v1/developer-registrations/{id}/reject")
    @CanApproveRegistrations
    RegistrationView reject(@PathVariable long id, @RequestBody(required = false) Rejection rejection,
                                 Authentication who) {
        return RegistrationView.of(registrations.reject(id, rejection == null ? null : rejection.reason(), who.getName()), people);
    }

    /**
     * @param channelCode the channel the developer is bound to; required, whatever they asked for
     * @param owner       whether they own the channel's credentials (may rotate its secret); false by default
     */
    record Binding(@Size(max = 32) String channelCode, Boolean owner) {
    }

    record Rejection(String reason) {
    }
}
