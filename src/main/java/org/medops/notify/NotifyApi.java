package org.medops.notify;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.medops.shared.AuditableEvent;
import org.medops.shared.FieldChange;
import org.medops.shared.ProblemException;
import org.medops.shared.Secrets;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/notify")
class NotifyApi {

    private final Targets targets;
    private final Deliveries deliveries;
    private final Notifications notifications;
    private final Secrets secrets;
    private final ApplicationEventPublisher events;

    NotifyApi(Targets targets, Deliveries deliveries, Notifications notifications, Secrets secrets,
              ApplicationEventPublisher events) {
        this.targets = targets;
        this.deliveries = deliveries;
        this.notifications = notifications;
        this.secrets = secrets;
        this.events = events;
    }

    @GetMapping("/targets")
    @CanReadNotifyTargets
    List<TargetView> targets(Authentication who) {
        return targets.all().stream().map(t -> TargetView.of(t, who)).toList();
    }

    @PostMapping("/targets")
    @CanManageNotifyTargets
    @Transactional
    ResponseEntity<TargetView> create(@Valid @RequestBody NewTarget request, Authentication who) {
        if (request.kind() != TargetKind.EMAIL && !request.address().matches("https?://\\S+")) {
            throw ProblemException.invalid("target-address-invalid", request.address());
        }
        String sealed = request.secret() == null || request.secret().isBlank() ? null : secrets.seal(request.secret());
        long id = targets.insert(request.name(), request.kind(), request.address(), sealed);
        events.publishEvent(new TargetCreated(Long.toString(id), List.of(FieldChange.set("name", request.name()),
                FieldChange.set("kind", request.kind()), FieldChange.set("address", targets.find(id).orElseThrow().maskedAddress()), // the token stays out of the trail
                FieldChange.secret("secret"))));
        return ResponseEntity.created(URI.create("/api/v1/notify/targets/" + id))
                .body(TargetView.of(targets.find(id).orElseThrow(), who));
    }

    /** Sends a test message now, so an administrator can check a robot or mailbox is wired right. */
    @PostMapping("/targets/{id}/test")
    @CanManageNotifyTargets
    @ResponseStatus(HttpStatus.ACCEPTED)
    void test(@PathVariable long id) {
        targets.find(id).orElseThrow(() -> ProblemException.notFound("target", id));
        notifications.send(List.of(id), new Message("MedOps 测试消息", "这是一条测试消息 / a test message.", "INFO",
                "test:" + id));
    }

    @GetMapping("/deliveries")
    @CanReadNotifyTargets
    List<Deliveries.Delivery> deliveries() {
        return deliveries.recent(200);
    }

    record NewTarget(@NotBlank @Size(max = 128) String name, @NotNull TargetKind kind,
                     @NotBlank @Size(max = 1024) String address, @Size(max = 256) String secret) {
        @Override
        public String toString() {
            return "NewTarget[name=" + name + ", kind=" + kind + ", secret=******]";
        }
    }

    /**
     * The secret is never returned; only whether one is set. The address is shown whole only to those who
     * may edit targets ({@code alert:write}); readers see it masked ({@link Target#maskedAddress()}).
     */
    record TargetView(long id, String name, TargetKind kind, String address, boolean signed, boolean enabled) {
        static final String EDITOR = "alert:write";

        static TargetView of(Target t, Authentication who) {
            boolean editor = who != null && who.getAuthorities().stream().anyMatch(a -> EDITOR.equals(a.getAuthority()));
            return new TargetView(t.id(), t.name(), t.kind(), editor ? t.address() : t.maskedAddress(),
                    t.sealedSecret() != null, t.enabled());
        }
    }

    record TargetCreated(String targetId, List<FieldChange> changes) implements AuditableEvent {
        @Override
        public String action() {
            return "notify.target.create";
        }

        @Override
        public String targetType() {
            return "notify-target";
        }
    }
}
