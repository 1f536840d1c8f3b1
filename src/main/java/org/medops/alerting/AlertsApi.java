package org.medops.alerting;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.medops.shared.ListPage;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class AlertsApi {

    private final AlertViews views;
    private final AlertList list;
    private final AlertDesk desk;

    AlertsApi(AlertViews views, AlertList list, AlertDesk desk) {
        this.views = views;
        this.list = list;
        this.desk = desk;
    }

    /**
     * A page of alerts ({@link AlertListQuery}), each with the ticket it opened or joined ({@code ticketId},
     * {@code ticketNumber}; null if none); {@code export=csv|xlsx} downloads what the filter selects.
     */
    @GetMapping("/alerts")
    @CanReadAlerts
    ListPage<AlertViews.AlertView> alerts(AlertListQuery query, Locale locale, HttpServletRequest http,
                                          HttpServletResponse response) throws IOException {
        if (query.export() != null) {
            list.export(query, query.export(), locale, http, response);
            return null;
        }
        return list.page(query, http);
    }

    @GetMapping("/alerts/{id}")
    @CanReadAlerts
    AlertViews.AlertView alert(@PathVariable long id) {
        return views.alert(id).get(0);
    }

    @PostMapping("/alerts/{id}/acknowledge")
    @CanAcknowledgeAlerts
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void acknowledge(@PathVariable long id, Authentication who) {
        desk.acknowledge(id, who.getName());
    }

    @PostMapping("/alerts/{id}/resolve")
    @CanAcknowledgeAlerts
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void resolve(@PathVariable long id, Authentication who) {
        desk.resolve(id, who.getName());
    }

    @GetMapping("/alert-rules")
    @CanReadAlerts
    List<AlertViews.RuleView> rules() {
        return views.rules();
    }

    @GetMapping("/alert-rules/{id}")
    @CanReadAlerts
    AlertViews.RuleView rule(@PathVariable long id) {
        return views.rule(id);
    }

    @PostMapping("/alert-rules")
    @CanManageAlertRules
    ResponseEntity<AlertViews.RuleView> create(@Valid @RequestBody NewRule rule) {
        AlertRule created = desk.createRule(rule);
        return ResponseEntity.created(URI.create("/api/v1/alert-rules/" + created.id())).body(views.rule(created.id()));
    }

    /** Replaces the rule's definition; {@code enabled} is left as it is (enable / disable). */
    @PutMapping("/alert-rules/{id}")
    @CanManageAlertRules
    AlertViews.RuleView update(@PathVariable long id, @Valid @RequestBody NewRule rule) {
        desk.updateRule(id, rule);
        return views.rule(id);
    }

    @PostMapping("/alert-rules/{id}/enable")
    @CanManageAlertRules
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void enable(@PathVariable long id) {
        desk.enable(id, true);
    }

    @PostMapping("/alert-rules/{id}/disable")
    @CanManageAlertRules
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void disable(@PathVariable long id) {
        desk.enable(id, false);
    }

    @DeleteMapping("/alert-rules/{id}")
    @CanManageAlertRules
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id, Authentication who) {
        desk.delete(id, who.getName());
    }

    @PostMapping("/alert-rules/{id}/silence")
    @CanManageAlertRules
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void silence(@PathVariable long id, @RequestBody Silence silence) {
        desk.silence(id, silence.until());
    }

    record Silence(Instant until) {
    }
}
