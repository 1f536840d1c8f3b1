package org.medops.portal.registration;

import java.time.Clock;
import java.util.List;

import org.medops.catalog.Catalog;
import org.medops.identity.DeveloperAccounts;
import org.medops.portal.notices.PortalNotices;
import org.medops.shared.AuditableEvent;
import org.medops.shared.FieldChange;
import org.medops.shared.ProblemException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Self-registration of developers (开发者注册): the account is created pending with the password the
 * developer chose; an administrator who manages channels approves it, binding it to a channel, or
 * rejects it with a reason. Administrators are told of new registrations, the developer of the outcome.
 */
@Service
class Registrations {

    /** Who approves registrations: binding an account to a channel is channel administration. */
    static final String APPROVER = "catalog:channel:write";

    private final DeveloperRegistrations registrations;
    private final DeveloperAccounts accounts;
    private final Catalog catalog;
    private final PortalNotices notices;
    private final ApplicationEventPublisher events;
    private final RegistrationThrottle throttle;
    private final Clock clock;

    Registrations(DeveloperRegistrations registrations, DeveloperAccounts accounts, Catalog catalog,
                  PortalNotices notices, ApplicationEventPublisher events, RegistrationThrottle throttle, Clock clock) {
        this.throttle = throttle;
        this.registrations = registrations;
        this.accounts = accounts;
        this.catalog = catalog;
        this.notices = notices;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    DeveloperRegistration register(RegistrationForm form, String clientAddress) {
        throttle.admit(clientAddress);
        if (form.confirmPassword() != null && !form.confirmPassword().isEmpty()
                && !form.confirmPassword().equals(form.password())) {
            throw ProblemException.invalid("password-mismatch");
        }
        // The requested channel is only a hint for the administrator: checking it here would tell anyone
        // which channel codes exist. Approval names the channel explicitly.
        String requested = form.channelCode() == null || form.channelCode().isBlank() ? null : form.channelCode().trim();
        accounts.register(form.username(), form.displayName().trim(), form.email().trim(), form.password());
        String username = form.username().trim().toLowerCase();
        long id = registrations.insert(form, username, clock.instant());
        events.publishEvent(new RegistrationStep("developer.register", id, username, List.of(
                FieldChange.set("username", username), FieldChange.set("organisation", form.organisation()),
                FieldChange.set("email", form.email()), FieldChange.set("requestedChannel", requested))));
        notices.toHolders(APPROVER, new PortalNotices.Notice("registration.submitted", "/access/developers", null,
                "registration:" + id, form.displayName(), form.organisation(), requested == null ? "—" : requested));
        return registrations.find(id).orElseThrow();
    }

    /**
     * @param owner whether the developer becomes the channel's owner (may rotate its secret); only when the
     *              administrator says so: a registration is a stranger's request, the channel may well be shared
     */
    @Transactional
    DeveloperRegistration approve(long id, String channelCode, boolean owner, String approver) {
        DeveloperRegistration registration = require(id);
        registration.requireSubmitted();
        // Never bound by default to what a stranger asked for: the administrator names the channel.
        if (channelCode == null || channelCode.isBlank()) {
            throw ProblemException.invalid("registration-channel-required");
        }
        String channel = channelCode.trim();
        if (!catalog.hasChannel(channel)) {
            throw ProblemException.notFound("channel", channel);
        }
        accounts.approve(registration.username(), channel);
        if (owner) {
            catalog.assignOwner(channel, registration.username());
        }
        registrations.decide(id, DeveloperRegistration.APPROVED, channel, null, approver, clock.instant());
        events.publishEvent(new RegistrationStep("developer.approve", id, registration.username(), List.of(
                FieldChange.of("status", registration.status(), DeveloperRegistration.APPROVED),
                FieldChange.set("channel", channel), FieldChange.set("owner", owner))));
        notices.toPerson(registration.username(), new PortalNotices.Notice("registration.approved", "/portal", "/portal",
                "registration:" + id, registration.displayName(), channel));
        return registrations.find(id).orElseThrow();
    }

    @Transactional
    DeveloperRegistration reject(long id, String reason, String approver) {
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalid("reason-required");
        }
        DeveloperRegistration registration = require(id);
        registration.requireSubmitted();
        accounts.refuse(registration.username());
        registrations.decide(id, DeveloperRegistration.REJECTED, null, reason.trim(), approver, clock.instant());
        events.publishEvent(new RegistrationStep("developer.reject", id, registration.username(), List.of(
                FieldChange.of("status", registration.status(), DeveloperRegistration.REJECTED),
                FieldChange.set("reason", reason.trim()))));
        notices.toPerson(registration.username(), new PortalNotices.Notice("registration.rejected", "/portal/login", "/portal/login",
                "registration:" + id, registration.displayName(), reason.trim()));
        return registrations.find(id).orElseThrow();
    }

    List<DeveloperRegistration> list(String status) {
        return registrations.list(status);
    }

    private DeveloperRegistration require(long id) {
        return registrations.findForUpdate(id).orElseThrow(() -> ProblemException.notFound("registration", id));
    }

    /** The registering developer is not signed in yet: they are the actor of their own registration. */
    record RegistrationStep(String action, long registrationId, String username, List<FieldChange> changes)
            implements AuditableEvent {
        @Override
        public String targetType() {
            return "developer-registration";
        }

        @Override
        public String targetId() {
            return Long.toString(registrationId);
        }

        @Override
        public String actor() {
            return action.equals("developer.register") ? username : null;
        }
    }
}
