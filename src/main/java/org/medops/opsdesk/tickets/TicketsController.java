package org.medops.opsdesk.tickets;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import org.medops.identity.DeveloperAccounts;
import org.medops.opsdesk.HospitalZone;
import org.medops.opsdesk.OpsdeskSystems;
import org.medops.opsdesk.Priority;
import org.medops.opsdesk.sla.SlaAdministration;
import org.medops.opsdesk.tickets.TicketRequests.Assignment;
import org.medops.opsdesk.tickets.TicketRequests.Confirm;
import org.medops.opsdesk.tickets.TicketRequests.Fix;
import org.medops.opsdesk.tickets.TicketRequests.PriorityChange;
import org.medops.opsdesk.tickets.TicketRequests.Reason;
import org.medops.opsdesk.tickets.TicketRequests.RecurrenceClear;
import org.medops.opsdesk.tickets.TicketRequests.RecurrenceLink;
import org.medops.opsdesk.tickets.TicketRequests.Start;
import org.medops.opsdesk.tickets.TicketRequests.Transfer;
import org.medops.shared.ConsoleActions;
import org.medops.shared.FieldMessages;
import org.medops.shared.ListRequest;
import org.medops.shared.ProblemException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 运维工单: the ticket register, the fault report form and the ticket page with its steps and SLA timeline. */
@Controller
class TicketsController {

    private final TicketDesk desk;
    private final TicketReader reader;
    private final TicketQueries queries;
    private final TicketList list;
    private final OpsdeskSystems systems;
    private final SlaAdministration administration;
    private final Validator validator;
    private final ConfirmationPdf confirmationPdf;
    private final HospitalZone zone;
    private final TicketReminders reminders;
    private final DeveloperAccounts people;
    private final Clock clock;
    private final FieldMessages fieldMessages;
    private final SignedConfirmation signedConfirmation;

    TicketsController(TicketDesk desk, TicketReader reader, TicketQueries queries, TicketList list,
                      OpsdeskSystems systems, SlaAdministration administration, Validator validator, ConfirmationPdf confirmationPdf,
                      HospitalZone zone, TicketReminders reminders, DeveloperAccounts people, Clock clock,
                      FieldMessages fieldMessages, SignedConfirmation signedConfirmation) {
        this.signedConfirmation = signedConfirmation;
        this.fieldMessages = fieldMessages;
        this.reminders = reminders;
        this.people = people;
        this.zone = zone;
        this.desk = desk;
        this.reader = reader;
        this.queries = queries;
        this.list = list;
        this.systems = systems;
        this.administration = administration;
        this.validator = validator;
        this.confirmationPdf = confirmationPdf;
        this.clock = clock;
    }

    /** The list contract's parameters ({@link TicketListQuery}); {@code export=csv|xlsx} downloads what it shows. */
    @GetMapping("/opsdesk/tickets")
    @CanReadTickets
    String list(TicketListQuery query, Authentication who, Locale locale, HttpServletRequest http,
                HttpServletResponse response, Model model) throws IOException {
        if (query.export() != null) {
            list.export(query, query.export(), who.getName(), locale, http, response);
            return null;
        }
        try {
            model.addAttribute("tickets", list.page(query, who.getName(), http));
        } catch (ProblemException e) {
            // A refused parameter (a sort column not offered, a size over the maximum) keeps the form and says why.
            response.setStatus(e.status().value());
            model.addAttribute("problem", e);
            model.addAttribute("tickets", list.empty(http));
        }
        model.addAttribute("query", query);
        model.addAttribute("statuses", TicketStatus.values());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("systems", systems.active());
        model.addAttribute("assignees", queries.assignees());
        model.addAttribute("calendarGaps", administration.calendarStatus().stream().filter(c -> !c.complete()).toList());
        return "opsdesk/tickets";
    }

    @GetMapping({"/opsdesk/tickets/export.csv", "/opsdesk/tickets/export.xlsx"})
    @CanReadTickets
    void export(TicketListQuery query, Authentication who, Locale locale, HttpServletRequest http,
                HttpServletResponse response) throws IOException {
        list.export(query, http.getRequestURI().endsWith(".csv") ? "csv" : "xlsx", who.getName(), locale, http, response);
    }

    @GetMapping("/opsdesk/tickets/new")
    @CanReportFaults
    String newTicket(Authentication who, Model model) {
        String reporter = people.contact(who.getName()).map(DeveloperAccounts.Contact::displayName)
                .filter(name -> name != null && !name.isBlank()).orElse(who.getName());
        return form(TicketForm.blank(reporter,
                LocalDateTime.now(clock.withZone(zone.get())).truncatedTo(ChronoUnit.MINUTES)), model);
    }

    @PostMapping("/opsdesk/tickets")
    @CanReportFaults
    String report(TicketForm form, @RequestParam(required = false) boolean confirmOld, Authentication who, Model model,
                  RedirectAttributes redirect) {
        FaultReport report = form.toReport(zone.get());
        Set<ConstraintViolation<FaultReport>> violations = validator.validate(report);
        if (!violations.isEmpty()) {
            model.addAttribute("violations", fieldMessages.of(violations));
            return form(form, model);
        }
        try {
            long id = desk.report(report, who.getName(), confirmOld);
            redirect.addFlashAttribute("notice", "tickets.reported");
            return "redirect:/opsdesk/tickets/" + id;
        } catch (ProblemException e) {
            model.addAttribute("problem", e);
            // The form asks again with a box to tick: the date is kept, the reporter only confirms it.
            model.addAttribute("askConfirmOld", "occurred-long-ago".equals(e.code()));
            return form(form, model);
        }
    }

    private String form(TicketForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("systems", systems.active());
        model.addAttribute("categories", FaultCategory.values());
        model.addAttribute("sources", ReportSource.values());
        model.addAttribute("priorities", Priority.values());
        return "opsdesk/ticket-new";
    }

    @GetMapping("/opsdesk/tickets/{id}")
    @CanReadTickets
    String ticket(@PathVariable long id, Model model) {
        model.addAttribute("t", reader.view(id));
        model.addAttribute("engineers", reminders.engineers());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("modes", WorkMode.values());
        return "opsdesk/ticket";
    }

    /** 故障修复确认单, laid out for printing (the browser's print dialog saves it as PDF). */
    @GetMapping("/opsdesk/tickets/{id}/confirmation")
    @CanReadTickets
    String confirmation(@PathVariable long id, @RequestParam(required = false) Integer cycle, Model model) {
        model.addAttribute("t", reader.view(id, cycle));
        model.addAttribute("printedAt", clock.instant());
        model.addAttribute("pdfAvailable", confirmationPdf.font().isPresent());
        return "opsdesk/confirmation";
    }

    @GetMapping("/opsdesk/tickets/{id}/confirmation.pdf")
    @CanReadTickets
    ResponseEntity<byte[]> confirmationPdf(@PathVariable long id, @RequestParam(required = false) Integer cycle,
                                           Locale locale) {
        return confirmationPdf.download(reader.view(id, cycle), locale);
    }

    @PostMapping("/opsdesk/tickets/{id}/accept")
    @CanWorkTickets
    String accept(@PathVariable long id, Authentication who, RedirectAttributes redirect) {
        return step(id, redirect, "tickets.done.accept", () -> desk.accept(id, who.getName()));
    }

    @PostMapping("/opsdesk/tickets/{id}/assign")
    @CanDispatchTickets
    String assign(@PathVariable long id, @Valid Assignment assignment, BindingResult binding, Authentication who,
                  RedirectAttributes redirect) {
        return step(id, binding, redirect, "workbench.done.assign",
                () -> desk.assign(id, assignment.engineer(), who.getName()));
    }

    @PostMapping("/opsdesk/tickets/{id}/transfer")
    @CanWorkTickets
    String transfer(@PathVariable long id, @Valid Transfer transfer, BindingResult binding, Authentication who,
                    RedirectAttributes redirect) {
        return step(id, binding, redirect, "workbench.done.transfer", () -> desk.transfer(id, transfer.engineer(),
                transfer.reason(), who.getName(), TicketQueues.manages(who)));
    }

    @PostMapping("/opsdesk/tickets/{id}/remind")
    @CanDispatchTickets
    String remind(@PathVariable long id, Authentication who, RedirectAttributes redirect) {
        return step(id, redirect, "workbench.done.remind", () -> desk.remindAssignee(id, who.getName()));
    }

    @PostMapping("/opsdesk/tickets/{id}/remind-hospital")
    @CanWorkTickets
    String remindHospital(@PathVariable long id, Authentication who, RedirectAttributes redirect) {
        return step(id, redirect, "workbench.done.remindHospital", () -> desk.remindHospital(id, who.getName()));
    }

    /** 批量派单: the unassigned open tickets with a box each and one engineer to give the ticked ones to. */
    @GetMapping("/opsdesk/tickets/dispatch")
    @CanDispatchTickets
    String dispatch(Authentication who, Model model) {
        // As many as one page can hold; a bulk assignment then takes up to TicketDesk.MAX_BULK of them.
        model.addAttribute("tickets", list.first(TicketListQuery.of(TicketQueues.UNASSIGNED), who.getName(),
                ListRequest.MAX_SIZE));
        model.addAttribute("engineers", reminders.engineers());
        return "opsdesk/ticket-dispatch";
    }

    @PostMapping("/opsdesk/tickets/dispatch")
    @CanDispatchTickets
    String dispatchSelected(@RequestParam(name = "ids", required = false) List<Long> ids,
                            @RequestParam(required = false) String engineer, Authentication who,
                            RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "workbench.done.bulkAssign", () -> desk.assignAll(ids, engineer, who.getName()));
        return "redirect:/opsdesk/tickets/dispatch";
    }

    @PostMapping("/opsdesk/tickets/{id}/start")
    @CanWorkTickets
    String start(@PathVariable long id, @Valid Start start, BindingResult binding, Authentication who,
                 RedirectAttributes redirect) {
        return step(id, binding, redirect, "tickets.done.start", () -> desk.startWork(id, start.mode(), who.getName()));
    }

    /** The arrival is typed in the hospital's zone (the API takes an offset). */
    @PostMapping("/opsdesk/tickets/{id}/arrive")
    @CanWorkTickets
    String arrive(@PathVariable long id, @RequestParam(required = false) LocalDateTime arrivedAt, Authentication who,
                  RedirectAttributes redirect) {
        return step(id, redirect, "tickets.done.arrive", () -> desk.arrive(id,
                arrivedAt == null ? null : arrivedAt.atZone(zone.get()).toInstant(), who.getName()));
    }

    @PostMapping("/opsdesk/tickets/{id}/await-info")
    @CanWorkTickets
    String awaitInformation(@PathVariable long id, @Valid Reason reason, BindingResult binding, Authentication who,
                            RedirectAttributes redirect) {
        return step(id, binding, redirect, "tickets.done.awaitInfo",
                () -> desk.awaitInformation(id, reason.reason(), who.getName()));
    }

    @PostMapping("/opsdesk/tickets/{id}/info-received")
    @CanAddToTickets
    String informationReceived(@PathVariable long id, Authentication who, RedirectAttributes redirect) {
        return step(id, redirect, "tickets.done.infoReceived", () -> desk.informationReceived(id, who.getName()));
    }

    @PostMapping("/opsdesk/tickets/{id}/locate")
    @CanWorkTickets
    String locate(@PathVariable long id, @Valid LocationReport report, BindingResult binding, Authentication who,
                  RedirectAttributes redirect) {
        return step(id, binding, redirect, "tickets.done.locate", () -> desk.locate(id, report, who.getName()));
    }

    @PostMapping("/opsdesk/tickets/{id}/fix")
    @CanWorkTickets
    String fix(@PathVariable long id, @Valid Fix fix, BindingResult binding, Authentication who,
               RedirectAttributes redirect) {
        return step(id, binding, redirect, "tickets.done.fix", () -> desk.fix(id, fix.summary(), who.getName()));
    }

    @PostMapping("/opsdesk/tickets/{id}/confirm")
    @CanConfirmRepairs
    String confirm(@PathVariable long id, @Valid Confirm confirm, BindingResult binding, Authentication who,
                   java.util.Locale locale, RedirectAttributes redirect) {
        return step(id, binding, redirect, "tickets.done.confirm",
                () -> signedConfirmation.confirm(id, who.getName(), confirm.name(), confirm.statement(), locale));
    }

    @PostMapping("/opsdesk/tickets/{id}/refuse")
    @CanConfirmRepairs
    String refuse(@PathVariable long id, @Valid Reason reason, BindingResult binding, Authentication who,
                  RedirectAttributes redirect) {
        return step(id, binding, redirect, "tickets.done.refuse",
                () -> desk.refuseConfirmation(id, reason.reason(), who.getName()));
    }

    @PostMapping("/opsdesk/tickets/{id}/priority")
    @CanWorkTickets
    String priority(@PathVariable long id, @Valid PriorityChange change, BindingResult binding, Authentication who,
                    RedirectAttributes redirect) {
        return step(id, binding, redirect, "tickets.done.priority",
                () -> desk.changePriority(id, change.priority(), change.reason(), who.getName()));
    }

    @PostMapping("/opsdesk/tickets/{id}/reopen")
    @CanReopenTickets
    String reopen(@PathVariable long id, @Valid Reason reason, BindingResult binding, Authentication who,
                  RedirectAttributes redirect) {
        return step(id, binding, redirect, "tickets.done.reopen", () -> desk.reopen(id, reason.reason(), who.getName()));
    }

    @PostMapping("/opsdesk/tickets/{id}/recurrence/confirm")
    @CanWorkTickets
    String confirmRecurrence(@PathVariable long id, @Valid RecurrenceLink link, BindingResult binding,
                             Authentication who, RedirectAttributes redirect) {
        return step(id, binding, redirect, "tickets.done.recurrenceConfirm",
                () -> desk.confirmRecurrence(id, link.earlierNumber(), who.getName()));
    }

    @PostMapping("/opsdesk/tickets/{id}/recurrence/clear")
    @CanWorkTickets
    String clearRecurrence(@PathVariable long id, @Valid RecurrenceClear clear, BindingResult binding,
                           Authentication who, RedirectAttributes redirect) {
        return step(id, binding, redirect, "tickets.done.recurrenceClear",
                () -> desk.clearRecurrence(id, clear.reason(), who.getName()));
    }

    @PostMapping("/opsdesk/tickets/{id}/attachments")
    @CanAddToTickets
    String attach(@PathVariable long id, @RequestParam("file") MultipartFile file, Authentication who,
                  RedirectAttributes redirect) throws IOException {
        byte[] content = file.getBytes();
        return step(id, redirect, "tickets.done.attach",
                () -> desk.attach(id, file.getOriginalFilename(), content, who.getName()));
    }

    private String step(long id, RedirectAttributes redirect, String notice, Runnable action) {
        ConsoleActions.attempt(redirect, notice, action);
        return "redirect:/opsdesk/tickets/" + id;
    }

    /** A step whose form did not validate goes back to the ticket naming the fields (原因：不能为空); nothing is done. */
    private String step(long id, BindingResult binding, RedirectAttributes redirect, String notice, Runnable action) {
        if (binding.hasErrors()) {
            redirect.addFlashAttribute("violations", fieldMessages.of(binding));
            return "redirect:/opsdesk/tickets/" + id;
        }
        return step(id, redirect, notice, action);
    }
}
