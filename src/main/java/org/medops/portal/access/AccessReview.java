package org.medops.portal.access;

import java.time.Clock;
import java.util.List;

import org.medops.catalog.Catalog;
import org.medops.portal.notices.PortalNotices;
import org.medops.shared.AuditableEvent;
import org.medops.shared.FieldChange;
import org.medops.shared.ProblemException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applying and reviewing: approval creates the grant, revocation removes it (both reach every gateway
 * node within a second, through the catalog), rejection must say why. Every step is audited.
 */
@Service
class AccessReview {

    private final AccessApplications applications;
    private final Catalog catalog;
    private final PortalNotices notices;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AccessReview(AccessApplications applications, Catalog catalog, PortalNotices notices,
                 ApplicationEventPublisher events, Clock clock) {
        this.applications = applications;
        this.catalog = catalog;
        this.notices = notices;
        this.events = events;
        this.clock = clock;
    }

    AccessApplication apply(NewApplication request, String applicant) {
        if (!catalog.hasChannel(request.channelCode())) {
            throw ProblemException.notFound("channel", request.channelCode());
        }
        if (catalog.services().stream().noneMatch(s -> s.code().equals(request.serviceCode()))) {
            throw ProblemException.notFound("service", request.serviceCode());
        }
        if (applications.pending(request.channelCode(), request.serviceCode())) {
            throw ProblemException.conflict("application-pending", request.channelCode(), request.serviceCode());
        }
        // A second approval of a grant the channel holds would leave two applications owning one grant.
        if (catalog.grantsOf(request.channelCode()).contains(request.serviceCode())) {
            throw ProblemException.conflict("application-granted", request.channelCode(), request.serviceCode());
        }
        long id = applications.insert(request.channelCode(), request.serviceCode(), request.purpose(),
                request.expectedDailyVolume(), request.contact(), applicant, clock.instant());
        events.publishEvent(new ApplicationStep("access.apply", id, FieldChange.between(null, request)));
        notices.toHolders("access:review", new PortalNotices.Notice("access.submitted",
                "/access/applications?status=SUBMITTED", null, "application:" + id, request.channelCode(),
                request.serviceCode(), request.purpose()));
        return applications.find(id).orElseThrow();
    }

    @Transactional
    AccessApplication approve(long id, String reviewer) {
        return approve(id, reviewer, null);
    }

    /** Approves and grants; {@code dailyQuota} (optional) limits this channel's calls of this service per day. */
    @Transactional
    AccessApplication approve(long id, String reviewer, Long dailyQuota) {
        AccessApplication application = require(id);
        application.requireStatus(AccessApplication.SUBMITTED);
        applications.decide(id, AccessApplication.APPROVED, null, dailyQuota, reviewer, clock.instant());
        catalog.grant(application.channelCode(), application.serviceCode(), reviewer, dailyQuota);
        events.publishEvent(new ApplicationStep("access.approve", id, List.of(
                FieldChange.of("status", application.status(), AccessApplication.APPROVED),
                FieldChange.set("dailyQuota", dailyQuota))));
        notices.toPerson(application.applicant(), new PortalNotices.Notice("access.approved", "/access/applications", "/portal/applications",
                "application:" + id, application.serviceCode(), application.channelCode(),
                dailyQuota == null ? "—" : dailyQuota));
        return applications.find(id).orElseThrow();
    }

    @Transactional
    AccessApplication reject(long id, String reason, String reviewer) {
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalid("reason-required");
        }
        AccessApplication application = require(id);
        application.requireStatus(AccessApplication.SUBMITTED);
        applications.decide(id, AccessApplication.REJECTED, reason.trim(), null, reviewer, clock.instant());
        events.publishEvent(new ApplicationStep("access.reject", id, List.of(
                FieldChange.of("status", application.status(), AccessApplication.REJECTED),
                FieldChange.set("reason", reason.trim()))));
        notices.toPerson(application.applicant(), new PortalNotices.Notice("access.rejected", "/access/applications", "/portal/applications",
                "application:" + id, application.serviceCode(), application.channelCode(), reason.trim()));
        return applications.find(id).orElseThrow();
    }

    @Transactional
    AccessApplication revoke(long id, String reviewer) {
        AccessApplication application = require(id);
        application.requireStatus(AccessApplication.APPROVED);
        applications.revoke(id, reviewer, clock.instant());
        // The grant may be gone already (an administrator removed it): the application is revoked all the same.
        if (catalog.grantsOf(application.channelCode()).contains(application.serviceCode())) {
            catalog.revokeGrant(application.channelCode(), application.serviceCode());
        }
        events.publishEvent(new ApplicationStep("access.revoke", id, List.of(
                FieldChange.of("status", application.status(), AccessApplication.REVOKED))));
        notices.toPerson(application.applicant(), new PortalNotices.Notice("access.revoked", "/access/applications", "/portal/applications",
                "application:" + id, application.serviceCode(), application.channelCode()));
        return applications.find(id).orElseThrow();
    }

    private AccessApplication require(long id) {
        return applications.findForUpdate(id).orElseThrow(() -> ProblemException.notFound("application", id));
    }

    record ApplicationStep(String action, long applicationId, List<FieldChange> changes) implements AuditableEvent {
        @Override
        public String targetType() {
            return "access-application";
        }

        @Override
        public String targetId() {
            return Long.toString(applicationId);
        }
    }
}
