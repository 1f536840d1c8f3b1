package org.medops.opsdesk.defects;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.medops.opsdesk.SystemNames;
import org.medops.shared.ListPage;
import org.medops.shared.ProblemException;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Defects over REST: report, progress, notes, ticket links and the quarterly progress report. */
@RestController
@RequestMapping("/api/v1/opsdesk/defects")
class DefectsApi {

    private final Defects defects;
    private final DefectDesk desk;
    private final DefectList list;
    private final MessageSource messages;
    private final SystemNames systemNames;

    DefectsApi(Defects defects, DefectDesk desk, DefectList list, MessageSource messages, SystemNames systemNames) {
        this.messages = messages;
        this.systemNames = systemNames;
        this.list = list;
        this.defects = defects;
        this.desk = desk;
    }

    /** A page of the list ({@link DefectListQuery}): {@code rows, total, page, size, sort, links}; {@code export} downloads. */
    @GetMapping
    @CanReadDefects
    ListPage<DefectQueries.DefectRow> list(DefectListQuery query, Locale locale, HttpServletRequest http,
                                           HttpServletResponse response) throws IOException {
        if (query.export() != null) {
            list.export(query, query.export(), locale, http, response);
            return null;
        }
        return list.page(query, http);
    }

    @GetMapping("/{id}")
    @CanReadDefects
    DefectDetail one(@PathVariable long id) {
        Defect defect = defects.find(id).orElseThrow(() -> ProblemException.notFound("defect", id));
        return new DefectDetail(defect, defects.tickets(id), defects.notes(id));
    }

    @PostMapping
    @CanWorkDefects
    ResponseEntity<DefectDetail> report(@Valid @RequestBody NewDefect request, Authentication who) {
        Defect created = desk.report(request, who.getName());
        return ResponseEntity.created(URI.create("/api/v1/opsdesk/defects/" + created.id())).body(one(created.id()));
    }

    @PostMapping("/{id}/progress")
    @CanWorkDefects
    DefectDetail progress(@PathVariable long id, @RequestBody Progress body, Authentication who) {
        desk.progress(id, body.status(), body.fixedVersion(), body.note(), who.getName());
        return one(id);
    }

    @PostMapping("/{id}/notes")
    @CanWorkDefects
    DefectDetail note(@PathVariable long id, @RequestBody Note body, Authentication who) {
        desk.note(id, body.note(), who.getName());
        return one(id);
    }

    @PostMapping("/{id}/tickets")
    @CanWorkDefects
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void link(@PathVariable long id, @RequestBody TicketLink body) {
        desk.link(id, body.ticketId());
    }

    @DeleteMapping("/{id}/tickets/{ticketId}")
    @CanWorkDefects
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unlink(@PathVariable long id, @PathVariable long ticketId) {
        desk.unlink(id, ticketId);
    }

    @GetMapping("/report")
    @CanReadDefects
    DefectReport report(@RequestParam(required = false) String quarter) {
        return desk.report(quarter == null ? desk.currentQuarter() : DefectQuarter.parse(quarter));
    }

    @GetMapping("/report/export")
    @CanReadDefects
    void export(@RequestParam(required = false) String quarter, Locale locale, HttpServletResponse response)
            throws IOException {
        DefectReport report = report(quarter);
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"defects-" + report.quarter() + ".xlsx\"");
        DefectReportExport.xlsx(report, desk.zone(), key -> messages.getMessage(key, null, key, locale),
                systemNames::name, response.getOutputStream());
    }

    /** A defect with the tickets that showed it and its progress notes, oldest first. */
    record DefectDetail(Defect defect, List<Long> ticketIds, List<DefectNote> notes) {
    }

    record Progress(DefectStatus status, String fixedVersion, String note) {
    }

    record Note(String note) {
    }

    record TicketLink(long ticketId) {
    }
}
