package org.medops.alerting;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class AlertsApi {

    private final AlertRules rules;
    private final Alerts alerts;
    private final AlertDesk desk;

    AlertsApi(AlertRules rules, Alerts alerts, AlertDesk desk) {
        this.rules = rules;
        this.alerts = alerts;
        this.desk = desk;
    }

    @GetMapping("/alerts")
    @PreAuthorize("hasAuthority('alert:read')")
    List<Alert> alerts(@RequestParam(required = false) String status) {
        return alerts.recent(status, 500);
    }

    @PostMapping("/alerts/{id}/acknowledge")
    @PreAuthorize("hasAuthority('alert:ack')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void acknowledge(@PathVariable long id, Authentication who) {
        desk.acknowledge(id, who.getName());
    }

    @PostMapping("/alerts/{id}/resolve")
    @PreAuthorize("hasAuthority('alert:ack')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void resolve(@PathVariable long id, Authentication who) {
        desk.resolve(id, who.getName());
    }

    @GetMapping("/alert-rules")
    @PreAuthorize("hasAuthority('alert:read')")
    List<AlertRule> rules() {
        return rules.all();
    }

    @PostMapping("/alert-rules")
    @PreAuthorize("hasAuthority('alert:write')")
    ResponseEntity<AlertRule> create(@Valid @RequestBody NewRule rule) {
        AlertRule created = desk.createRule(rule);
        return ResponseEntity.created(URI.create("/api/v1/alert-rules/" + created.id())).body(created);
    }

    @PostMapping("/alert-rules/{id}/silence")
    @PreAuthorize("hasAuthority('alert:write')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void silence(@PathVariable long id, @RequestBody Silence silence) {
        desk.silence(id, silence.until());
    }

    record Silence(Instant until) {
    }
}
