package org.medops.integration.critical;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.medops.integration.permissions.CanEditIntegrationChannels;
import org.medops.integration.permissions.CanOperateIntegration;
import org.medops.integration.permissions.CanReadIntegration;
import org.medops.shared.ListPage;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The critical-value loop over REST: the list (paged, filtered by status, department, overdue and days), one record
 * with its timeline, its steps (acknowledge, handle, close: 409 out of order), the stage-time report and its export,
 * and the rules and department contacts.
 */
@RestController
@RequestMapping("/api/v1/integration/critical-values")
class CriticalValuesApi {

    private final CriticalBoard board;
    private final CriticalLoop loop;
    private final CriticalValues values;

    CriticalValuesApi(CriticalBoard board, CriticalLoop loop, CriticalValues values) {
        this.board = board;
        this.loop = loop;
        this.values = values;
    }

    record Handling(String action, String note) {
    }

    record Rule(String name, BigDecimal low, BigDecimal high) {
    }

    record Contacts(String clinicianTarget, String headTarget, Integer ackMinutes) {
    }

    @GetMapping
    @CanReadIntegration
    ListPage<CriticalView> list(CriticalBoard.Query query, Authentication who, HttpServletRequest http) {
        return board.page(query, who, http);
    }

    @GetMapping("/{id}")
    @CanReadIntegration
    CriticalView.Detail one(@PathVariable long id, Authentication who) {
        return board.detail(id, who);
    }

    @PostMapping("/{id}/acknowledge")
    @CanOperateIntegration
    CriticalView acknowledge(@PathVariable long id, Authentication who) {
        return board.view(loop.acknowledge(id, who.getName()), who);
    }

    @PostMapping("/{id}/handle")
    @CanOperateIntegration
    CriticalView handle(@PathVariable long id, @RequestBody Handling handling, Authentication who) {
        return board.view(loop.handle(id, who.getName(), handling.action(), handling.note()), who);
    }

    @PostMapping("/{id}/close")
    @CanOperateIntegration
    CriticalView close(@PathVariable long id, Authentication who) {
        return board.view(loop.close(id, who.getName()), who);
    }

    @GetMapping("/report")
    @CanReadIntegration
    List<StageTimes.Row> report(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return board.report(from, to);
    }

    @GetMapping("/report/export")
    @CanReadIntegration
    void export(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                @RequestParam(defaultValue = "xlsx") String format, Locale locale, HttpServletRequest http,
                HttpServletResponse response) throws IOException {
        board.exportReport(from, to, format, locale, http, response);
    }

    @GetMapping("/rules")
    @CanReadIntegration
    List<Detection.Rule> rules() {
        return values.rules();
    }

    @PutMapping("/rules/{itemCode}")
    @CanEditIntegrationChannels
    List<Detection.Rule> rule(@PathVariable String itemCode, @RequestBody Rule rule) {
        loop.saveRule(itemCode, rule.name(), rule.low(), rule.high());
        return values.rules();
    }

    @GetMapping("/departments")
    @CanReadIntegration
    List<CriticalValues.Department> departments() {
        return values.departments();
    }

    /** {@code 医务科} is the medical affairs office (医务科): its {@code headTarget} gets the second escalation. */
    @PutMapping("/departments/{department}")
    @CanEditIntegrationChannels
    List<CriticalValues.Department> department(@PathVariable String department, @RequestBody Contacts contacts) {
        loop.saveDepartment(new CriticalValues.Department(department, contacts.clinicianTarget(), contacts.headTarget(),
                contacts.ackMinutes() == null ? loop.defaultMinutes() : contacts.ackMinutes()));
        return values.departments();
    }
}
