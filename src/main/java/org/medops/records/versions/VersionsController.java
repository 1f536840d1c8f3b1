package org.medops.records.versions;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.medops.opsdesk.OpsdeskSystems;
import org.medops.records.permissions.CanReadRecords;
import org.medops.records.permissions.CanWriteRecords;
import org.medops.shared.ConsoleActions;
import org.medops.shared.FieldMessages;
import org.medops.shared.ProblemException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 版本管理: every system's version and yearly cadence, the register, and each system's versions page. */
@Controller
@RequestMapping("/records/versions")
class VersionsController {

    private final VersionRegister register;
    private final VersionLists lists;
    private final OpsdeskSystems systems;
    private final Validator validator;
    private final FieldMessages fieldMessages;

    VersionsController(VersionRegister register, VersionLists lists, OpsdeskSystems systems, Validator validator,
                       FieldMessages fieldMessages) {
        this.register = register;
        this.lists = lists;
        this.systems = systems;
        this.validator = validator;
        this.fieldMessages = fieldMessages;
    }

    @GetMapping
    @CanReadRecords
    String list(VersionListQuery query, Locale locale, HttpServletRequest http, HttpServletResponse response,
                Model model) throws IOException {
        if (query.export() != null) {
            lists.exportVersions(query, locale, http, response);
            return null;
        }
        try {
            model.addAttribute("versions", lists.versions(query, http));
        } catch (ProblemException e) {
            response.setStatus(e.status().value());
            model.addAttribute("problem", e);
            model.addAttribute("versions", lists.noVersions(http));
        }
        model.addAttribute("query", query);
        model.addAttribute("overview", register.overview());
        model.addAttribute("systems", systems.active());
        return "records/versions";
    }

    @GetMapping("/systems/{code}")
    @CanReadRecords
    String system(@PathVariable String code, Model model) {
        model.addAttribute("s", register.system(code));
        model.addAttribute("kinds", VersionDocumentKind.values());
        model.addAttribute("today", register.today());
        return "records/system-versions";
    }

    @PostMapping("/systems/{code}")
    @CanWriteRecords
    String registerVersion(@PathVariable String code, @RequestParam(required = false) String version,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate installedOn,
                           @RequestParam(required = false) String installedBy,
                           @RequestParam(required = false) String releaseNotes, Authentication who,
                           RedirectAttributes redirect) {
        NewVersion form = new NewVersion(code, version, installedOn, installedBy, releaseNotes, null);
        Set<ConstraintViolation<NewVersion>> violations = validator.validate(form);
        if (!violations.isEmpty()) {
            redirect.addFlashAttribute("violations", fieldMessages.of(violations));
            return back(code);
        }
        try {
            register.register(form, who.getName());
            redirect.addFlashAttribute("notice", "versions.registered");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("problem", e);
        }
        return back(code);
    }

    @PostMapping("/systems/{code}/releases")
    @CanWriteRecords
    String registerRelease(@PathVariable String code, @RequestParam(required = false) String version,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate releasedOn,
                           @RequestParam(required = false) String notes, Authentication who,
                           RedirectAttributes redirect) {
        NewRelease form = new NewRelease(code, version, releasedOn, notes == null || notes.isBlank() ? null : notes);
        Set<ConstraintViolation<NewRelease>> violations = validator.validate(form);
        if (!violations.isEmpty()) {
            redirect.addFlashAttribute("violations", fieldMessages.of(violations));
            return back(code);
        }
        ConsoleActions.attempt(redirect, "versions.released", () -> register.release(form, who.getName()));
        return back(code);
    }

    @PostMapping("/{id}/documents")
    @CanWriteRecords
    String upload(@PathVariable long id, @RequestParam(required = false) VersionDocumentKind kind,
                  @RequestParam(name = "file", required = false) MultipartFile file, Authentication who,
                  RedirectAttributes redirect) throws IOException {
        InstalledVersion version = register.version(id);
        try {
            register.upload(id, kind, file == null ? null : file.getOriginalFilename(),
                    file == null ? null : file.getBytes(), who.getName());
            redirect.addFlashAttribute("notice", "versions.uploaded");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("problem", e);
        }
        return back(version.systemCode());
    }

    @GetMapping("/{id}/documents/{documentId}")
    @CanReadRecords
    ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long documentId) {
        return VersionsApi.download(register.document(id, documentId), register.content(documentId));
    }

    private static String back(String code) {
        return "redirect:/records/versions/systems/" + code;
    }
}
