package org.medops.opsdesk.tickets;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.medops.opsdesk.tickets.TicketRequests.Arrival;
import org.medops.opsdesk.tickets.TicketRequests.Assignment;
import org.medops.opsdesk.tickets.TicketRequests.BulkAssigned;
import org.medops.opsdesk.tickets.TicketRequests.BulkAssignment;
import org.medops.opsdesk.tickets.TicketRequests.Confirm;
import org.medops.opsdesk.tickets.TicketRequests.Fix;
import org.medops.opsdesk.tickets.TicketRequests.PriorityChange;
import org.medops.opsdesk.tickets.TicketRequests.Reason;
import org.medops.opsdesk.tickets.TicketRequests.RecurrenceClear;
import org.medops.opsdesk.tickets.TicketRequests.RecurrenceLink;
import org.medops.opsdesk.tickets.TicketRequests.Start;
import org.medops.opsdesk.tickets.TicketRequests.Transfer;
import org.medops.shared.ListPage;
import org.medops.shared.ProblemException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
    private final AttachmentAccess attachmentAccess;
    private final ConfirmationPdf confirmationPdf;
    private final SignedConfirmation signedConfirmation;

    TicketsApi(TicketDesk desk, TicketReader reader, TicketList list, Attachments attachments,
               ConfirmationPdf confirmationPdf, SignedConfirmation signedConfirmation,
               AttachmentAccess attachmentAccess) {
        this.attachmentAccess = attachmentAccess;
        this.confirmationPdf = confirmationPdf;
        this.signedConfirmation = signedConfirmation;
        this.desk = desk;
        this.reader = reader;
        this.list = list;
        this.attachments = attachments;
    }

    @PostMapping
    @CanReportFaults
    ResponseEntity<TicketView> report(@Valid @RequestBody FaultReport report,
                                      @RequestParam(required = false) boolean confirmOld, Authentication who) {
        long id = desk.report(report, who.getName(), confirmOld);
        return ResponseEntity.created(URI.create("/api/v1/opsdesk/tickets/" + id)).body(reader.view(id));
    }

    /** A page of the list, with the page's own parameters ({@link TicketListQuery}); {@code export} downloads. */
    @GetMapping
    @CanReadTickets
    ListPage<TicketQueries.TicketRow> search(TicketListQuery query, Authentication who, Locale locale,
                                             HttpServletRequest http, HttpServletResponse response) throws IOException {
        if (query.export() != null) {
            list.export(query, query.export(), who.getName(), locale, http, response);
            return null;
        }
        return list.page(query, who.getName(), http);
    }

    @PostMapping("/{id}/assign")
    @CanDispatchTickets
    TicketView assign(@PathVariable long id, @Valid @RequestBody Assignment assignment, Authentication who) {
        return step(id, () -> desk.assign(id, assignment.engineer(), who.getName()));
    }

    /** Several tickets to one engineer at once, all or none; answers how many. */
    @PostMapping("/assign")
    @CanDispatchTickets
    BulkAssigned assignAll(@Valid @RequestBody BulkAssignment assignment, Authentication who) {
        return new BulkAssigned(desk.assignAll(assignment.ticketIds(), assignment.engineer(), who.getName()));
    }

    @PostMapping("/{id}/transfer")
    @CanWorkTickets
    TicketView transfer(@PathVariable long id, @Valid @RequestBody Transfer transfer, Authentication who) {
        return step(id, () -> desk.transfer(id, transfer.engineer(), transfer.reason(), who.getName(),
                TicketQueues.manages(who)));
    }

    @PostMapping("/{id}/remind")
    @CanDispatchTickets
    TicketView remind(@PathVariable long id, Authentication who) {
        return step(id, () -> desk.remindAssignee(id, who.getName()));
    }

    @PostMapping("/{id}/remind-hospital")
    @CanWorkTickets
    TicketView remindHospital(@PathVariable long id, Authentication who) {
        return step(id, () -> desk.remindHospital(id, who.getName()));
    }

    @GetMapping("/{id}")
    @CanReadTickets
    TicketView ticket(@PathVariable long id) {
        return reader.view(id);
    }

    @PostMapping("/{id}/accept")
    @CanWorkTickets
    TicketView accept(@PathVariable long id, Authentication who) {
        return step(id, () -> desk.accept(id, who.getName()));
    }

    @PostMapping("/{id}/start")
    @CanWorkTickets
    TicketView start(@PathVariable long id, @Valid @RequestBody Start start, Authentication who) {
        return step(id, () -> desk.startWork(id, start.mode(), who.getName()));
    }

    @PostMapping("/{id}/arrive")
    @CanWorkTickets
    TicketView arrive(@PathVariable long id, @RequestBody(required = false) Arrival arrival, Authentication who) {
        return step(id, () -> desk.arrive(id,
                arrival == null || arrival.arrivedAt() == null ? null : arrival.arrivedAt().toInstant(), who.getName()));
    }

    @PostMapping("/{id}/await-info")
    @CanWorkTickets
    TicketView awaitInformation(@PathVariable long id, @Valid @RequestBody Reason reason, Authentication who) {
        return step(id, () -> desk.awaitInformation(id, reason.reason(), who.getName()));
    }

    @PostMapping("/{id}/info-received")
    @CanAddToTickets
    TicketView informationReceived(@PathVariable long id, Authentication who) {
        return step(id, () -> desk.informationReceived(id, who.getName()));
    }

    @PostMapping("/{id}/locate")
    @CanWorkTickets
    TicketView locate(@PathVariable long id, @Valid @RequestBody LocationReport report, Authentication who) {
        return step(id, () -> desk.locate(id, report, who.getName()));
    }

    @PostMapping("/{id}/fix")
    @CanWorkTickets
    TicketView fix(@PathVariable long id, @Valid @RequestBody Fix fix, Authentication who) {
        return step(id, () -> desk.fix(id, fix.summary(), who.getName()));
    }

    @PostMapping("/{id}/confirm")
    @CanConfirmRepairs
    TicketView confirm(@PathVariable long id, @Valid @RequestBody Confirm confirm, Authentication who, Locale locale) {
        return step(id, () -> signedConfirmation.confirm(id, who.getName(), confirm.name(), confirm.statement(), locale));
    }

    @PostMapping("/{id}/refuse")
    @CanConfirmRepairs
    TicketView refuse(@PathVariable long id, @Valid @RequestBody Reason reason, Authentication who) {
        return step(id, () -> desk.refuseConfirmation(id, reason.reason(), who.getName()));
    }

    @PostMapping("/{id}/priority")
    @CanWorkTickets
    TicketView priority(@PathVariable long id, @Valid @RequestBody PriorityChange change, Authentication who) {
        return step(id, () -> desk.changePriority(id, change.priority(), change.reason(), who.getName()));
    }

    @PostMapping("/{id}/reopen")
    @CanReopenTickets
    TicketView reopen(@PathVariable long id, @Valid @RequestBody Reason reason, Authentication who) {
        return step(id, () -> desk.reopen(id, reason.reason(), who.getName()));
    }

    /** Confirms the recurrence tag, or with {@code earlierNumber} links the ticket whose fault this one repeats. */
    @PostMapping("/{id}/recurrence/confirm")
    @CanWorkTickets
    TicketView confirmRecurrence(@PathVariable long id, @Valid @RequestBody(required = false) RecurrenceLink link,
                                 Authentication who) {
        return step(id, () -> desk.confirmRecurrence(id, link == null ? null : link.earlierNumber(), who.getName()));
    }

    @PostMapping("/{id}/recurrence/clear")
    @CanWorkTickets
    TicketView clearRecurrence(@PathVariable long id, @Valid @RequestBody(required = false) RecurrenceClear clear,
                               Authentication who) {
        return step(id, () -> desk.clearRecurrence(id, clear == null ? null : clear.reason(), who.getName()));
    }

    @PostMapping(value = "/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @CanAddToTickets
    ResponseEntity<TicketView> attach(@PathVariable long id, @RequestPart("file") MultipartFile file, Authentication who)
            throws IOException {
        desk.attach(id, file.getOriginalFilename(), file.getBytes(), who.getName());
        return ResponseEntity.status(HttpStatus.CREATED).body(reader.view(id));
    }

    /** Content: the ticket's reporter and assignee, the data right, or a grant for the ticket ({@link AttachmentAccess}). */
    @GetMapping("/{id}/attachments/{attachmentId}")
    @CanOpenAttachments
    ResponseEntity<byte[]> attachment(@PathVariable long id, @PathVariable long attachmentId, Authentication who) {
        attachmentAccess.require(id, attachmentId, who);
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
    @CanReadTickets
    ResponseEntity<byte[]> confirmationPdf(@PathVariable long id, @RequestParam(required = false) Integer cycle,
                                           java.util.Locale locale) {
        return confirmationPdf.download(reader.view(id, cycle), locale);
    }

    /** A step on one ticket answers the ticket as it now stands. */
    private TicketView step(long id, Runnable action) {
        action.run();
        return reader.view(id);
    }
}
