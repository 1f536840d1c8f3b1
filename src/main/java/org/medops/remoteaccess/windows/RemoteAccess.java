package org.medops.remoteaccess.windows;

import java.time.Clock;
import java.util.List;

import org.medops.shared.FieldChange;
import org.medops.shared.ProblemException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Asking for, deciding and ending remote-maintenance windows, and whether an engineer's window is open now. */
@Service
class RemoteAccess {

    private final RemoteWindows windows;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RemoteAccess(RemoteWindows windows, ApplicationEventPublisher events, Clock clock) {
        this.windows = windows;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    RemoteWindow request(String requester, RemoteWindow.Request request) {
        RemoteWindow window = windows.save(RemoteWindow.requested(requester, request, clock.instant()));
        events.publishEvent(RemoteAudit.ofWindow("remote-window.request", window.id(), List.of(
                FieldChange.set("system", request.system()), FieldChange.set("from", request.from()),
                FieldChange.set("to", request.to()), FieldChange.set("reason", request.reason()),
                FieldChange.set("ticketRefs", request.ticketRefs()))));
        return window;
    }

    @Transactional
    RemoteWindow approve(long id, String by, String note) {
        RemoteWindow window = load(id);
        window.approve(by, note, clock.instant());
        return decided("remote-window.approve", windows.save(window), note);
    }

    @Transactional
    RemoteWindow refuse(long id, String by, String note) {
        RemoteWindow window = load(id);
        window.refuse(by, note, clock.instant());
        return decided("remote-window.refuse", windows.save(window), note);
    }

    @Transactional
    RemoteWindow end(long id, String by) {
        RemoteWindow window = load(id);
        window.end(by, clock.instant());
        RemoteWindow saved = windows.save(window);
        events.publishEvent(RemoteAudit.ofWindow("remote-window.end", id,
                List.of(FieldChange.of("windowStatus", "APPROVED", "ENDED"))));
        return saved;
    }

    private RemoteWindow decided(String action, RemoteWindow window, String note) {
        events.publishEvent(RemoteAudit.ofWindow(action, window.id(), List.of(
                FieldChange.of("windowStatus", "REQUESTED", window.status().name()), FieldChange.set("note", note))));
        return window;
    }

    RemoteWindow get(long id) {
        return windows.find(id).orElseThrow(() -> ProblemException.notFound("remote-window", id));
    }

    List<RemoteWindow> recent(String requester) {
        return windows.recent(requester, 200);
    }

    boolean openFor(String username) {
        return windows.openFor(username, clock.instant());
    }

    java.time.Instant now() {
        return clock.instant();
    }

    private RemoteWindow load(long id) {
        return windows.findForUpdate(id).orElseThrow(() -> ProblemException.notFound("remote-window", id));
    }
}
