package org.medops.portal.access;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.medops.catalog.Catalog;
import org.medops.identity.DeveloperAccounts;
import org.medops.identity.People;
import org.medops.identity.CanUseDeveloperPortal;
import org.medops.shared.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** A developer's own channel's access applications: list, apply for a published service, attach files. */
@RestController
class DeveloperApplicationsApi {

    private final Catalog catalog;
    private final AccessApplications applications;
    private final AccessReview review;
    private final ApplicationFiles files;
    private final People people;

    DeveloperApplicationsApi(Catalog catalog, AccessApplications applications, AccessReview review, ApplicationFiles files,
                             People people) {
        this.people = people;
        this.catalog = catalog;
        this.applications = applications;
        this.review = review;
        this.files = files;
    }

    @GetMapping("/api/v1/portal/applications")
    @CanUseDeveloperPortal
    List<ApplicationView> myApplications(Authentication who) {
        String channel = DeveloperAccounts.ownChannel(who);
        return applications.ofChannel(channel).stream().map(a -> ApplicationView.of(a, people)).toList();
    }

    @PostMapping("/api/v1/portal/applications")
    @CanUseDeveloperPortal
    ResponseEntity<ApplicationView> apply(@Valid @RequestBody MyApplication request, Authentication who) {
        if (catalog.publishedService(request.serviceCode()).isEmpty()) {
            throw ProblemException.notFound("service", request.serviceCode());
        }
        AccessApplication application = review.apply(new NewApplication(DeveloperAccounts.ownChannel(who), request.serviceCode(),
                request.purpose(), request.expectedDailyVolume(), request.contact()), who.getName());
        return ResponseEntity.created(URI.create("/api/v1/portal/applications/" + application.id())).body(ApplicationView.of(application, people));
    }

    @PostMapping(value = "/api/v1/portal/applications/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @CanUseDeveloperPortal
    ResponseEntity<ApplicationAttachments.Attachment> attach(@PathVariable long id, @RequestPart("file") MultipartFile file,
                                                             Authentication who) throws IOException {
        return ResponseEntity.status(HttpStatus.CREATED).body(files.attach(id, DeveloperAccounts.ownChannel(who),
                new ApplicationFiles.Upload(file.getOriginalFilename(), file.getBytes()), who.getName()));
    }

    @GetMapping("/api/v1/portal/applications/{id}/attachments")
    @CanUseDeveloperPortal
    List<ApplicationAttachments.Attachment> attachments(@PathVariable long id, Authentication who) {
        return files.list(id, DeveloperAccounts.ownChannel(who));
    }

    @GetMapping("/api/v1/portal/applications/{id}/attachments/{attachmentId}")
    @CanUseDeveloperPortal
    ResponseEntity<byte[]> attachment(@PathVariable long id, @PathVariable long attachmentId, Authentication who) {
        return files.download(id, DeveloperAccounts.ownChannel(who), attachmentId).asDownload();
    }

    record MyApplication(@NotBlank @Size(max = 32) String serviceCode, @NotBlank @Size(max = 2000) String purpose,
                         Long expectedDailyVolume, @Size(max = 256) String contact) {
    }
}
