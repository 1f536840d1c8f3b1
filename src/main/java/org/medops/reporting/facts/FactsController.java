package org.medops.reporting.facts;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.medops.reporting.permissions.CanEnterIncidents;
import org.medops.reporting.permissions.CanReadReporting;
import org.medops.reporting.permissions.CanRecordServiceFacts;
import org.medops.settings.Settings;
import org.medops.shared.FieldMessages;
import org.medops.shared.ProblemException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 服务记录: the lists of calls, visits, trainings, incidents and data extractions, each with its form. */
@Controller
@RequestMapping("/reporting")
class FactsController {

    private final FactsDesk desk;
    private final FactLists lists;
    private final Incidents incidents;
    private final Extractions extractions;
    private final Validator validator;
    private final FieldMessages fieldMessages;
    private final Settings settings;

    FactsController(FactsDesk desk, FactLists lists, Incidents incidents, Extractions extractions, Validator validator,
                    FieldMessages fieldMessages, Settings settings) {
        this.desk = desk;
        this.lists = lists;
        this.incidents = incidents;
        this.extractions = extractions;
        this.validator = validator;
        this.fieldMessages = fieldMessages;
        this.settings = settings;
    }

    static boolean isHospital(Authentication who) {
        return who.getAuthorities().stream().anyMatch(a -> "reporting:incident".equals(a.getAuthority()));
    }

    @GetMapping("/{kind:calls|visits|trainings|incidents|extractions}")
    @CanReadReporting
    String list(@PathVariable String kind, FactListQuery query, Locale locale, HttpServletRequest http,
                HttpServletResponse response, Model model) throws IOException {
        FactKind chosen = FactKind.valueOf(kind.toUpperCase(Locale.ROOT));
        if (query.export() != null) {
            lists.export(chosen, query, locale, http, response);
            return null;
        }
        try {
            model.addAttribute("facts", lists.page(chosen, query, http));
        } catch (ProblemException e) {
            response.setStatus(e.status().value());
            model.addAttribute("problem", e);
            model.addAttribute("facts", lists.empty(chosen, http));
        }
        model.addAttribute("query", query);
        model.addAttribute("kind", kind);
        model.addAttribute("channels", CallChannel.values());
        model.addAttribute("incidentKinds", IncidentKind.values());
        return "reporting/" + kind;
    }

    @PostMapping("/calls")
    @CanRecordServiceFacts
    String logCall(FactForms.CallForm form, Authentication who, RedirectAttributes redirect) {
        return save("calls", redirect, () -> {
            FactRequests.NewCall call = valid(form.toRequest(settings.current().zone()));
            desk.logCall(call, isHospital(who), who.getName());
        });
    }

    @PostMapping("/visits")
    @CanRecordServiceFacts
    String logVisit(FactForms.VisitForm form, Authentication who, RedirectAttributes redirect) {
        return save("visits", redirect, () -> desk.logVisit(valid(form.toRequest()), who.getName()));
    }

    @PostMapping("/trainings")
    @CanRecordServiceFacts
    String logTraining(FactForms.TrainingForm form, Authentication who, RedirectAttributes redirect) {
        return save("trainings", redirect, () -> desk.logTraining(valid(form.toRequest()), who.getName()));
    }

    @PostMapping("/incidents")
    @CanEnterIncidents
    String enterIncident(FactForms.IncidentForm form, @RequestParam(required = false) MultipartFile file,
                         Authentication who, RedirectAttributes redirect) {
        return save("incidents", redirect, () -> {
            Incident incident = desk.enterIncident(valid(form.toRequest()), who.getName());
            if (file != null && !file.isEmpty()) {
                desk.attachEvidence(incident.id(), file.getOriginalFilename(), bytes(file), who.getName());
            }
        });
    }

    @GetMapping("/incidents/{id}/evidence/{fileId}")
    @CanReadReporting
    @ResponseBody
    ResponseEntity<byte[]> evidence(@PathVariable long id, @PathVariable long fileId) {
        Incidents.Evidence file = incidents.evidenceFile(id, fileId)
                .orElseThrow(() -> ProblemException.notFound("reportingEvidence", fileId));
        return FactsApi.download(file.filename(), file.contentType(), file.content());
    }

    @GetMapping("/incidents/{id}/evidence")
    @CanReadReporting
    String evidenceList(@PathVariable long id) {
        Long first = incidents.evidence(id).stream().map(Incidents.EvidenceFile::id).findFirst()
                .orElseThrow(() -> ProblemException.notFound("reportingEvidence", id));
        return "redirect:/reporting/incidents/" + id + "/evidence/" + first;
    }

    @PostMapping("/extractions")
    @CanRecordServiceFacts
    String request(FactForms.ExtractionForm form, Authentication who, RedirectAttributes redirect) {
        return save("extractions", redirect, () -> desk.request(valid(form.toRequest()), who.getName()));
    }

    @PostMapping("/extractions/{id}/delivery")
    @CanRecordServiceFacts
    String deliver(@PathVariable long id, @RequestParam(required = false) MultipartFile file, Authentication who,
                   RedirectAttributes redirect) {
        return save("extractions", redirect, () -> desk.deliver(id, file == null ? null : file.getOriginalFilename(),
                file == null ? null : bytes(file), who.getName()));
    }

    @PostMapping("/extractions/{id}/confirmation")
    @CanEnterIncidents
    String confirm(@PathVariable long id, FactForms.ConfirmationForm form, RedirectAttributes redirect) {
        return save("extractions", redirect, () -> desk.confirm(id, valid(form.toRequest())));
    }

    @GetMapping("/extractions/{id}/file")
    @CanReadReporting
    @ResponseBody
    ResponseEntity<byte[]> delivered(@PathVariable long id) {
        Extractions.Delivered file = extractions.file(id)
                .orElseThrow(() -> ProblemException.notFound("reportingExtraction", id));
        return FactsApi.download(file.fileName(), file.fileType(), file.fileContent());
    }

    private String save(String kind, RedirectAttributes redirect, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", "reporting.saved");
        } catch (Invalid e) {
            redirect.addFlashAttribute("violations", e.messages);
        } catch (ProblemException e) {
            redirect.addFlashAttribute("problem", e);
        }
        return "redirect:/reporting/" + kind;
    }

    private <T> T valid(T request) {
        Set<ConstraintViolation<T>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new Invalid(fieldMessages.of(violations));
        }
        return request;
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw ProblemException.invalid("reporting-file-empty");
        }
    }

    /** Validation failed on a form: the messages go back to the page. */
    private static final class Invalid extends RuntimeException {
        private final java.util.List<String> messages;

        Invalid(java.util.List<String> messages) {
            super(null, null, false, false);
            this.messages = messages;
        }
    }

}
