package org.medops.portal.access;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import org.medops.identity.People;
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
@RequestMapping("/api/v1/access-applications")
class AccessApplicationApi {

    private final AccessApplications applications;
    private final AccessReview review;
    private final ApplicationFiles files;
    private final People people;

    AccessApplicationApi(AccessApplications applications, AccessReview review, ApplicationFiles files, People people) {
        this.people = people;
        this.applications = applications;
        this.review = review;
        this.files = files;
    }

    @GetMapping
    @CanSeeAccessApplications
    List<ApplicationView> list(@RequestParam(required = false) String status) {
        return applications.list(status).stream().map(this::view).toList();
    }

    @PostMapping
    @CanApplyForAccess
    ResponseEntity<ApplicationView> apply(@Valid @RequestBody NewApplication request, Authentication who) {
        AccessApplication application = review.apply(request, who.getName());
        return ResponseEntity.created(URI.create("/api/v1/access-applications/" + application.id())).body(view(application));
    }

    @PostMapping("/{id}/approve")
    @CanReviewAccess
    ApplicationView approve(@PathVariable long id, @Valid @RequestBody(required = false) Approval approval,
                              Authentication who) {
        return view(review.approve(id, who.getName(), approval == null ? null : approval.dailyQuota()));
    }

    /** @param dailyQuota optional: calls per day of this service for this channel */
    record Approval(@jakarta.validation.constraints.Min(1) Long dailyQuota) {
    }

    @PostMapping("/{id}/reject")
    @CanReviewAccess
    ApplicationView reject(@PathVariable long id, @RequestBody(required = false) Rejection rejection,
                             Authentication who) {
        return view(review.reject(id, rejection == null ? null : rejection.reason(), who.getName()));
    }

    @PostMapping("/{id}/revoke")
    @CanReviewAccess
    ApplicationView revoke(@PathVariable long id, Authentication who) {
        return view(review.revoke(id, who.getName()));
    }

    private ApplicationView view(AccessApplication application) {
        return ApplicationView.of(application, people);
    }

    /** Staff who apply on a channel's behalf attach its documents too (while the application is submitted). */
    @PostMapping(value = "/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @CanApplyForAccess
    ResponseEntity<ApplicationAttachments.Attachment> attach(@PathVariable long id, @RequestPart("file") MultipartFile file,
                                                             Authentication who) throws IOException {
        return ResponseEntity.status(HttpStatus.CREATED).body(files.attach(id, null,
                new ApplicationFiles.Upload(file.getOriginalFilename(), file.getBytes()), who.getName()));
    }

    @GetMapping("/{id}/attachments")
    @CanSeeAccessApplications
    List<ApplicationAttachments.Attachment> attachments(@PathVariable long id) {
        return files.list(id, null);
    }

    @GetMapping("/{id}/attachments/{attachmentId}")
    @CanSeeAccessApplications
    ResponseEntity<byte[]> attachment(@PathVariable long id, @PathVariable long attachmentId) {
        return files.download(id, null, attachmentId).asDownload();
    }

    record Rejection(String reason) {
    }
}
