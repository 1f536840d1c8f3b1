package org.medops.portal.access;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.medops.catalog.Catalog;
import org.medops.catalog.ServiceDoc;
import org.medops.identity.DeveloperAccounts;
import org.medops.identity.CanUseDeveloperPortal;
import org.medops.shared.ConsoleActions;
import org.medops.shared.ProblemException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 接入申请 in the developer portal: the channel's applications, applying for a published service, attachments. */
@Controller
class DeveloperApplicationsController {

    private final Catalog catalog;
    private final AccessApplications applications;
    private final ApplicationAttachments attachments;
    private final ApplicationFiles files;

    DeveloperApplicationsController(Catalog catalog, AccessApplications applications, ApplicationAttachments attachments,
                                    ApplicationFiles files) {
        this.catalog = catalog;
        this.applications = applications;
        this.attachments = attachments;
        this.files = files;
    }

    @GetMapping("/portal/applications")
    @CanUseDeveloperPortal
    String applications(Authentication who, @RequestParam(required = false) String service, Model model) {
        String channel = DeveloperAccounts.ownChannel(who);
        List<AccessApplication> mine = applications.ofChannel(channel);
        model.addAttribute("applications", mine);
        model.addAttribute("attachments", attachments.of(mine.stream().map(AccessApplication::id).toList()));
        model.addAttribute("maxAttachments", ApplicationAttachments.MAX_PER_APPLICATION);
        model.addAttribute("services", catalog.publishedServices().stream().map(ServiceDoc.Published::service)
                .toList());
        // Granted services stay in the list, marked and not selectable: applying again would only be refused.
        model.addAttribute("grants", catalog.grantsOf(channel));
        model.addAttribute("selected", service);
        return "developer/applications";
    }

    /** Developers apply for published services only: what they cannot read about, they cannot ask for. */
    @PostMapping("/portal/applications")
    @CanUseDeveloperPortal
    String apply(@RequestParam String serviceCode, @RequestParam String purpose,
                 @RequestParam(required = false) Long expectedDailyVolume,
                 @RequestParam(required = false) String contact,
                 @RequestParam(name = "files", required = false) List<MultipartFile> attached, Authentication who,
                 RedirectAttributes redirect) throws IOException {
        List<ApplicationFiles.Upload> uploads = uploads(attached);
        ConsoleActions.attempt(redirect, "access.applied", () -> {
            if (catalog.publishedService(serviceCode).isEmpty()) {
                throw ProblemException.notFound("service", serviceCode);
            }
            files.applyWith(new NewApplication(DeveloperAccounts.ownChannel(who), serviceCode, purpose, expectedDailyVolume,
                    contact), uploads, who.getName());
        });
        return "redirect:/portal/applications";
    }

    /** Adds a file to one of the developer's own applications still waiting for review. */
    @PostMapping("/portal/applications/{id}/attachments")
    @CanUseDeveloperPortal
    String attach(@PathVariable long id, @RequestParam("file") MultipartFile file, Authentication who,
                  RedirectAttributes redirect) throws IOException {
        ApplicationFiles.Upload upload = new ApplicationFiles.Upload(file.getOriginalFilename(), file.getBytes());
        ConsoleActions.attempt(redirect, "access.attached",
                () -> files.attach(id, DeveloperAccounts.ownChannel(who), upload, who.getName()));
        return "redirect:/portal/applications";
    }

    private static List<ApplicationFiles.Upload> uploads(List<MultipartFile> files) throws IOException {
        List<ApplicationFiles.Upload> uploads = new ArrayList<>();
        for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
            uploads.add(new ApplicationFiles.Upload(file.getOriginalFilename(), file.getBytes()));
        }
        return uploads;
    }
}
