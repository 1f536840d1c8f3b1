package org.medops.integration.critical;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.medops.integration.channels.ChannelDirectory;
import org.medops.integration.permissions.CanEditIntegrationChannels;
import org.medops.integration.permissions.CanHandleCriticalValues;
import org.medops.integration.permissions.CanReadCriticalContent;
import org.medops.integration.permissions.CanReadCriticalValues;
import org.medops.shared.ListPage;
import org.springframework.security.core.Authentication;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
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
    private final ChannelDirectory channels;

    CriticalValuesApi(CriticalBoard board, CriticalLoop loop, CriticalValues values, ChannelDirectory channels) {
        this.board = board;
        this.loop = loop;
        this.values = values;
        this.channels = channels;
    }

    record Handling(String action, String note) {
    }

    record Rule(String name, BigDecimal low, BigDecimal high) {
    }

    /** {@code handleMinutes}: minutes an acknowledged value may stay unhandled (null: 医务科's, else the default). */
    record Contacts(String clinicianTarget, String headTarget, Integer ackMinutes, Integer handleMinutes) {

        CriticalValues.Department of(String department, int defaultMinutes) {
            return new CriticalValues.Department(department == null ? null : department.strip(), blank(clinicianTarget),
                    blank(headTarget), ackMinutes == null ? defaultMinutes : ackMinutes, handleMinutes);
        }

        private static String blank(String text) {
            return text == null || text.isBlank() ? null : text.strip();
        }
    }

    /** The channel the acknowledgements and handlings go to HIS through (blank: none) and the MSH-9 they carry. */
    record His(String channel, String messageType) {
    }

    /**
     * Saves the HIS setting: the channel must exist and take HL7 v2 (a {@code CHANNEL} source reads JSON unless told
     * otherwise); the message type is MSH-9 ({@code ORR^O02^ORR_O02}).
     */
    static void saveHis(CriticalLoop loop, ChannelDirectory channels, His his, String by) {
        String channel = his.channel() == null ? null : his.channel().strip();
        boolean fits = channel != null && !channel.isEmpty() && channels.deployed(channel)
                .map(c -> c.document().source().data() == org.medops.integration.data.DataType.HL7V2).orElse(false);
        loop.saveHis(channel, his.messageType(), fits, by);
    }

    @GetMapping
    @CanReadCriticalContent
    ListPage<CriticalView> list(CriticalBoard.Query query, Authentication who, HttpServletRequest http) {
        return board.page(query, who, http);
    }

    @GetMapping("/{id}")
    @CanReadCriticalContent
    CriticalView.Detail one(@PathVariable long id, Authentication who) {
        return board.detail(id, who);
    }

    @PostMapping("/{id}/acknowledge")
    @CanHandleCriticalValues
    CriticalView acknowledge(@PathVariable long id, Authentication who) {
        return board.view(loop.acknowledge(id, who.getName()), who);
    }

    @PostMapping("/{id}/handle")
    @CanHandleCriticalValues
    CriticalView handle(@PathVariable long id, @RequestBody Handling handling, Authentication who) {
        return board.view(loop.handle(id, who.getName(), handling.action(), handling.note()), who);
    }

    @PostMapping("/{id}/close")
    @CanHandleCriticalValues
    CriticalView close(@PathVariable long id, Authentication who) {
        return board.view(loop.close(id, who.getName()), who);
    }

    @GetMapping("/report")
    @CanReadCriticalValues
    List<StageTimes.Row> report(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return board.report(from, to);
    }

    @GetMapping("/report/export")
    @CanReadCriticalValues
    void export(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                @RequestParam(defaultValue = "xlsx") String format, Locale locale, HttpServletRequest http,
                HttpServletResponse response) throws IOException {
        board.exportReport(from, to, format, locale, http, response);
    }

    @GetMapping("/rules")
    @CanReadCriticalValues
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
    @CanReadCriticalValues
    List<CriticalValues.Department> departments() {
        return values.departments();
    }

    /** {@code 医务科} is the medical affairs office (医务科): its {@code headTarget} gets the second escalation. */
    @PutMapping("/departments/{department}")
    @CanEditIntegrationChannels
    List<CriticalValues.Department> department(@PathVariable String department, @RequestBody Contacts contacts) {
        loop.saveDepartment(contacts.of(department, loop.defaultMinutes()));
        return values.departments();
    }

    @DeleteMapping("/departments/{department}")
    @CanEditIntegrationChannels
    ResponseEntity<Void> deleteDepartment(@PathVariable String department) {
        loop.deleteDepartment(department);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/rules/{itemCode}")
    @CanEditIntegrationChannels
    ResponseEntity<Void> deleteRule(@PathVariable String itemCode) {
        loop.deleteRule(itemCode);
        return ResponseEntity.noContent().build();
    }

    /** Where acknowledgements and handlings go back to HIS; no channel until one is set. */
    @GetMapping("/his")
    @CanReadCriticalValues
    His his() {
        return values.his().map(h -> new His(h.channel(), h.messageType())).orElse(new His(null, HisMessage.DEFAULT_TYPE));
    }

    @PutMapping("/his")
    @CanEditIntegrationChannels
    His his(@RequestBody His his, Authentication who) {
        saveHis(loop, channels, his, who.getName());
        return his();
    }
}
