package org.medops.opsdesk.tickets;

import java.io.IOException;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.medops.opsdesk.Priority;
import org.medops.shared.ListPage;
import org.medops.shared.ProblemException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/opsdesk/tickets")
class TicketsApi {

    private final TicketDesk desk;
    private final TicketReader reader;
    private final TicketList list;
    private final Attachments attachments;
    private final ConfirmationPdf confirmationPdf;

    TicketsApi(TicketDesk desk, TicketReader reader, TicketList list, Attachments attachments,
               ConfirmationPdf confirmationPdf) {
        this.confirmationPdf = confirmationPdf;
        this.desk = desk;
        this.reader = reader;
        this.list = list;
        this.attachments = attachments;
    }

    @PostMapping
    @PreAuthorize("hasAuthority('opsdesk:report')")
    ResponseEntity<TicketView> report(@Valid @RequestBody FaultReport report,
                                      @RequestParam(required = false) boolean confirmOld, Authentication who) {
        long id = desk.report(report, who.getName(), confirmOld);
        return ResponseEntity.created(URI.create("/api/v1/opsdesk/tickets/" + id)).body(reader.view(id));
    }

    /** A page of the list, with the page's own parameters ({@link TicketListQuery}); {@code export} downloads. */
    @GetMapping
    @PreAuthorize("hasAuthority('opsdesk:read')")
    ListPage<TicketQueries.TicketRow> search(TicketListQuery query, Authentication who, Locale locale,
                                             HttpServletRequest http, HttpServletResponse response) throws IOException {
        if (query.export() != null) {
            list.export(query, query.export(), who.getName(), locale, http, response);
            return null;
        }
        return list.page(query, who.getName(), http);
    }

    @PostMapping("/{id}/assign")
    @PreAuthorize("hasAuthority('opsdesk:manage')")
    TicketView assign(@PathVariable long id, @Valid @RequestBody Assignment assignment, Authentication who) {
        desk.assign(id, assignment.engineer(), who.getName());
        return reader.view(id);
    }

    /** Several tickets to one engineer at once, all or none; answers how many. */
    @PostMapping("/assign")
    @PreAuthorize("hasAuthority('opsdesk:manage')")
    BulkAssigned assignAll(@Valid @RequestBody BulkAssignment assignment, Authentication who) {
        return new BulkAssigned(desk.assignAll(assignment.ticketIds(), assignment.engineer(), who.getName()));
    }

    @PostMapping("/{id}/transfer")
    @PreAuthorize("hasAuthority('opsdesk:work')")
    TicketView transfer(@PathVariable long id, @Valid @RequestBody Transfer transfer, Authentication who) {
        desk.transfer(id, transfer.engineer(), transfer.reason(), who.getName(), TicketQueues.manages(who));
        return reader.view(id);
    }

    @PostMapping("/{id}/remind")
    @PreAuthorize("hasAuthority('opsdesk:manage')")
    TicketView remind(@PathVariable long id, Authentication who) {
        desk.remindAssignee(id, who.getName());
        return reader.view(id);
    }

    @PostMapping("/{id}/remind-hospital")
    @PreAuthorize("hasAuthority('opsdesk:work')")
    TicketView remindHospital(@PathVariable long id, Authentication who) {
        desk.remindHospital(id, who.getName());
        return reader.view(id);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('opsdesk:read')")
    TicketView ticket(@PathVariable long id) {
        return reader.view(id);
    }

    @PostMapping("/{id}/accept")
    @PreAuthorize("hasAuthority('opsdesk:work')")
    TicketView accept(@PathVariable long id, Authentication who) {
        desk.accept(id, who.getName());
        return reader.view(id);
    }

    @PostMapping("/{id}/start")
    @PreAuthorize("hasAuthority('opsdesk:work')")
    TicketView start(@PathVariable long id, @Valid @RequestBody Start start, Authentication who) {
        desk.startWork(id, start.mode(), who.getName());
        return reader.view(id);
    }

    @PostMapping("/{id}/arrive")
    @PreAuthorize("hasAuthority('opsdesk:work')")
    TicketView arrive(@PathVariable long id, @RequestBody(required = false) Arrival arrival, Authentication who) {
        desk.arrive(id, arrival == null || arrival.arrivedAt() == null ? null : arrival.arrivedAt().toInstant(),
                who.getName());
        return reader.view(id);
    }

    @PostMapping("/{id}/await-info")
    @PreAuthorize("hasAuthority('opsdesk:work')")
    TicketView awaitInformation(@PathVariable long id, @Valid @RequestBody Reason reason, Authentication who) {
        desk.awaitInformation(id, reason.reason(), who.getName());
        return reader.view(id);
    }

    @PostMapping("/{id}/info-received")
    @PreAuthorize("hasAnyAuthority('opsdesk:work', 'opsdesk:report')")
    TicketView informationReceived(@PathVariable long id, Authentication who) {
        desk.informationReceived(id, who.getName());
        return reader.view(id);
    }

    @PostMapping("/{id}/locate")
    @PreAuthorize("hasAuthority('opsdesk:work')")
    TicketView locate(@PathVariable long id, @Valid @RequestBody LocationReport report, Authentication who) {
        desk.locate(id, report, who.getName());
        return reader.view(id);
    }

    @PostMapping("/{id}/fix")
    @PreAuthorize("hasAuthority('opsdesk:work')")
    TicketView fix(@PathVariable long id, @Valid @RequestBody Fix fix, Authentication who) {
        desk.fix(id, fix.summary(), who.getName());
        return reader.view(id);
    }

    @PostMapping("/{id}/confirm")
    @PreAuthorize("hasAuthority('opsdesk:confirm')")
    TicketView confirm(@PathVariable long id, @Valid @RequestBody Confirm confirm, Authentication who) {
        desk.confirm(id, who.getName(), confirm.name(), confirm.statement());
        return reader.view(id);
    }

    @PostMapping("/{id}/refuse")
    @PreAuthorize("hasAuthority('opsdesk:confirm')")
    TicketView refuse(@PathVariable long id, @Valid @RequestBody Reason reason, Authentication who) {
        desk.refuseConfirmation(id, reason.reason(), who.getName());
        return reader.view(id);
    }

    @PostMapping("/{id}/priority")
    @PreAuthorize("hasAuthority('opsdesk:work')")
    TicketView priority(@PathVariable long id, @Valid @RequestBody PriorityChange change, Authentication who) {
        desk.changePriority(id, change.priority(), change.reason(), who.getName());
        return reader.view(id);
    }

    @PostMapping("/{id}/reopen")
    @PreAuthorize("hasAnyAuthority('opsdesk:report', 'opsdesk:confirm')")
    TicketView reopen(@PathVariable long id, @Valid @RequestBody Reason reason, Authentication who) {
        desk.reopen(id, reason.reason(), who.getName());
        return reader.view(id);
    }

    /** Confirms the recurrence tag, or with {@code earlierNumber} links the ticket whose fault this one repeats. */
    @PostMapping("/{id}/recurrence/confirm")
    @PreAuthorize("hasAuthority('opsdesk:work')")
    TicketView confirmRecurrence(@PathVariable long id, @Valid @RequestBody(required = false) RecurrenceLink link,
                                 Authentication who) {
        desk.confirmRecurrence(id, link == null ? null : link.earlierNumber(), who.getName());
        return reader.view(id);
    }

    @PostMapping("/{id}/recurrence/clear")
    @PreAuthorize("hasAuthority('opsdesk:work')")
    TicketView clearRecurrence(@PathVariable long id, @Valid @RequestBody(required = false) RecurrenceClear clear,
                               Authentication who) {
        desk.clearRecurrence(id, clear == null ? null : clear.reason(), who.getName());
        return reader.view(id);
    }

    @PostMapping(value = "/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAnyAuthority('opsdesk:report', 'opsdesk:work')")
    ResponseEntity<TicketView> attach(@PathVariable long id, @RequestPart("file") MultipartFile file, Authentication who)
            throws IOException {
        desk.attach(id, file.getOriginalFilename(), file.getBytes(), who.getName());
        return ResponseEntity.status(HttpStatus.CREATED).body(reader.view(id));
    }

    @GetMapping("/{id}/attachments/{attachmentId}")
    @PreAuthorize("hasAuthority('opsdesk:read')")
    ResponseEntity<byte[]> attachment(@PathVariable long id, @PathVariable long attachmentId) {
        Attachments.Content content = attachments.content(id, attachmentId)
                .orElseThrow(() -> ProblemException.notFound("attachment", attachmentId));
        // Always a download, never rendered inline: an uploaded file must not run in the console's origin.
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(content.filename(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .contentType(MediaType.parseMediaType(content.contentType())).body(content.bytes());
    }

    /** The signed-off 故障修复确认单 as PDF (503 {@code pdf-font-missing} where the server has no CJK TrueType font). */
    @GetMapping(value = "/{id}/confirmation.pdf")
    @PreAuthorize("hasAuthority('opsdesk:read')")
    ResponseEntity<byte[]> confirmationPdf(@PathVariable long id, @RequestParam(required = false) Integer cycle,
                                           java.util.Locale locale) {
        return confirmationPdf.download(reader.view(id, cycle), locale);
    }

    record Start(@NotNull WorkMode mode) {
    }

    record Assignment(@NotBlank @Size(max = 64) String engineer) {
    }

    record BulkAssignment(@NotEmpty @Size(max = TicketDesk.MAX_BULK) List<@NotNull Long> ticketIds,
                          @NotBlank @Size(max = 64) String engineer) {
    }

    record BulkAssigned(int assigned) {
    }

    record Transfer(@NotBlank @Size(max = 64) String engineer, @NotBlank @Size(max = 1000) String reason) {
    }

    record Arrival(OffsetDateTime arrivedAt) {
    }

    record Reason(@NotBlank @Size(max = 1000) String reason) {
    }

    record Fix(@NotBlank @Size(max = 4000) String summary) {
    }

    record Confirm(@NotBlank @Size(max = 64) String name, @NotBlank @Size(max = 2000) String statement) {
    }

    record RecurrenceLink(@Size(max = 32) String earlierNumber) {
    }

    record RecurrenceClear(@Size(max = 1000) String reason) {
    }

    record PriorityChange(@NotNull Priority priority, @Size(max = 1000) String reason) {
    }
}
