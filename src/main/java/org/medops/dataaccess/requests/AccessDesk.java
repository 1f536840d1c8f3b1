package org.medops.dataaccess.requests;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.medops.dataaccess.DataRights;
import org.medops.dataaccess.Scope;
import org.medops.dataaccess.ScopeDirectory;
import org.medops.identity.DeveloperAccounts;
import org.medops.shared.FieldChange;
import org.medops.shared.InAppNotice;
import org.medops.shared.ProblemException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Takes requests, records the committee's decisions, ends grants that ran out; audits each step. */
@Service
class AccessDesk {

    static final String APPROVE = "data:access:approve";
    static final int MAX_LIST = 200;

    private final AccessRequests requests;
    private final DataAccessSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final List<ScopeDirectory> directories;
    private final DeveloperAccounts people;
    private final MessageSource messages;

    AccessDesk(AccessRequests requests, DataAccessSettings settings, ApplicationEventPublisher events, Clock clock,
               List<ScopeDirectory> directories, DeveloperAccounts people, MessageSource messages) {
        this.people = people;
        this.messages = messages;
        this.directories = List.copyOf(directories);
        this.requests = requests;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    AccessRequest request(NewAccessRequest body, String requester) {
        if (body.durationHours() > settings.maxHours()) {
            throw ProblemException.invalid("data-access-too-long", settings.maxHours());
        }
        if (body.scope().kind() == Scope.Kind.TICKET && !body.scope().ref().strip().matches("\\d{1,18}")) {
            throw ProblemException.invalid("data-access-ticket-ref");
        }
        requireExisting(body.scope().scope());
        AccessRequest asked = AccessRequest.ask(requester, body.scope().scope(), body.reason(), body.durationHours(),
                settings.approvals(), clock.instant());
        long id = requests.insert(asked);
        events.publishEvent(DataAccessAction.of("request", id, List.of(
                FieldChange.set("scope", asked.scope()), FieldChange.set("reason", asked.reason()),
                FieldChange.set("durationHours", asked.durationHours()),
                FieldChange.set("approvalsNeeded", asked.approvalsNeeded()))));
        tellTheCommittee(id, asked);
        return requests.find(id).orElseThrow();
    }

    @Transactional
    AccessRequest approve(long id, String member) {
        AccessRequest before = locked(id);
        Instant now = clock.instant();
        AccessRequest after = before.approvedBy(member, now);
        requests.update(after);
        events.publishEvent(DataAccessAction.of("approve", id, List.of(
                FieldChange.of("approvals", before.approvals().size(), after.approvals().size()))));
        if (after.status() == RequestStatus.ACTIVE) {
            events.publishEvent(DataAccessAction.of("activate", id, List.of(
                    FieldChange.of("status", before.status(), after.status()), FieldChange.set("scope", after.scope()),
                    FieldChange.set("expiresAt", after.expiresAt()))));
        }
        return after;
    }

    @Transactional
    AccessRequest refuse(long id, String member, String reason) {
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalid("data-access-reason-required");
        }
        requireShort(reason);
        AccessRequest before = locked(id);
        AccessRequest after = before.refusedBy(member, reason, clock.instant());
        requests.update(after);
        events.publishEvent(DataAccessAction.of("refuse", id, List.of(
                FieldChange.of("status", before.status(), after.status()), FieldChange.set("reason", after.ended().reason()))));
        return after;
    }

    @Transactional
    AccessRequest revoke(long id, String member, String reason) {
        requireShort(reason);
        AccessRequest before = locked(id);
        Instant now = clock.instant();
        AccessRequest after = before.revokedBy(member, reason, now);
        requests.update(after);
        events.publishEvent(DataAccessAction.of("revoke", id, List.of(
                FieldChange.of("status", before.statusAt(now), after.status()),
                FieldChange.set("reason", after.ended().reason()))));
        return after;
    }

    /** Records the end of every grant whose time is up; the trail says the platform did it. */
    @Transactional
    int expireDue() {
        List<Long> due = requests.due(clock.instant());
        for (long id : due) {
            AccessRequest before = requests.lock(id).orElseThrow();
            if (before.status() != RequestStatus.ACTIVE) {
                continue;
            }
            AccessRequest after = before.expired();
            requests.update(after);
            events.publishEvent(new DataAccessAction("data-access.expire", Long.toString(id), List.of(
                    FieldChange.of("status", RequestStatus.ACTIVE, RequestStatus.EXPIRED),
                    FieldChange.set("expiresAt", after.expiresAt())), "system"));
        }
        return due.size();
    }

    /** The requester sees their own; the committee sees every request. Another's is not found. */
    AccessRequestView view(long id, Authentication who) {
        AccessRequest request = requests.find(id).filter(r -> committee(who) || r.requester().equals(who.getName()))
                .orElseThrow(() -> ProblemException.notFound(DataAccessAction.TARGET, id));
        return AccessRequestView.of(request, clock.instant());
    }

    /**
     * The requester's own, or with {@code all} every request for the committee; {@code active} keeps the grants
     * running now, {@code pending} the ones waiting for approval.
     */
    List<AccessRequestView> list(Authentication who, boolean all, boolean active, boolean pending, Integer limit) {
        int size = limit == null ? 50 : Math.max(1, Math.min(limit, MAX_LIST));
        Instant now = clock.instant();
        String requester = all && committee(who) ? null : who.getName();
        return requests.list(new AccessRequests.Filter(requester, active, pending, now, size)).stream()
                .map(r -> AccessRequestView.of(r, now)).toList();
    }

    static boolean committee(Authentication who) {
        return DataRights.holds(who, APPROVE);
    }

    int maxHours() {
        return settings.maxHours();
    }

    /**
     * Every member of the committee (but the requester, should they be one) finds the request in their console
     * notices, stored in this transaction: a request is never taken without the committee being told.
     */
    private void tellTheCommittee(long id, AccessRequest asked) {
        Object[] args = {people.contact(asked.requester()).map(DeveloperAccounts.Contact::displayName)
                .orElse(asked.requester()), asked.scope().toString(), asked.durationHours(), asked.reason(), Long.toString(id)};
        for (DeveloperAccounts.Contact member : people.holdersOf(APPROVE)) {
            if (!member.username().equals(asked.requester())) {
                events.publishEvent(new InAppNotice(member.username(),
                        messages.getMessage("dataaccess.notice.title", args, java.util.Locale.SIMPLIFIED_CHINESE),
                        messages.getMessage("dataaccess.notice.text", args, java.util.Locale.SIMPLIFIED_CHINESE),
                        "/data-access#queue-" + id));
            }
        }
    }

    /** Where the module owning the kind runs here, the scope must name something it holds. */
    private void requireExisting(Scope scope) {
        for (ScopeDirectory directory : directories) {
            if (directory.kind() == scope.kind() && !directory.exists(scope.ref())) {
                throw ProblemException.invalid("data-access-" + scope.kind().name().toLowerCase(java.util.Locale.ROOT)
                        + "-unknown", scope.ref());
            }
        }
    }

    private static void requireShort(String reason) {
        if (reason != null && reason.strip().length() > 1000) {
            throw ProblemException.invalid("data-access-reason-long", 1000);
        }
    }

    private AccessRequest locked(long id) {
        return requests.lock(id).orElseThrow(() -> ProblemException.notFound(DataAccessAction.TARGET, id));
    }
}
