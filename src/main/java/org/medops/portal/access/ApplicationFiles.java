package org.medops.portal.access;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.medops.shared.FieldChange;
import org.medops.shared.ProblemException;
import org.medops.shared.UploadedFileType;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Attachments of access applications: added while the application waits for review (afterwards they
 * would change what was decided), read by reviewers and by the applying channel. A developer passes their
 * channel; another channel's application then does not exist for them (404, so nothing leaks). Staff pass null.
 */
@Service
class ApplicationFiles {

    /** A file as it arrived. */
    record Upload(String filename, byte[] content) {

        boolean empty() {
            return content.length == 0 && (filename == null || filename.isBlank());
        }

        /** Type and size checked from the content, so a renamed executable is refused before anything is stored. */
        Checked checked() {
            String name = UploadedFileType.safeName(filename);
            if (content.length > UploadedFileType.MAX_BYTES) {
                throw ProblemException.invalid("application-attachment-too-large", name,
                        UploadedFileType.MAX_BYTES / (1024 * 1024));
            }
            UploadedFileType type = UploadedFileType.detect(name, content)
                    .orElseThrow(() -> ProblemException.invalid("application-attachment-type", name));
            return new Checked(name, type, content);
        }
    }

    record Checked(String filename, UploadedFileType type, byte[] content) {
    }

    private final AccessApplications applications;
    private final ApplicationAttachments attachments;
    private final AccessReview review;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ApplicationFiles(AccessApplications applications, ApplicationAttachments attachments, AccessReview review,
                     ApplicationEventPublisher events, Clock clock) {
        this.applications = applications;
        this.attachments = attachments;
        this.review = review;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    ApplicationAttachments.Attachment attach(long applicationId, String channel, Upload upload, String by) {
        AccessApplication application = applications.findForUpdate(applicationId)
                .filter(a -> a.visibleTo(channel))
                .orElseThrow(() -> ProblemException.notFound("application", applicationId));
        application.requireStatus(AccessApplication.SUBMITTED);
        Checked file = upload.checked();
        if (attachments.count(applicationId) >= ApplicationAttachments.MAX_PER_APPLICATION) {
            throw ProblemException.conflict("application-attachments-full", ApplicationAttachments.MAX_PER_APPLICATION);
        }
        Instant at = clock.instant();
        long id = attachments.add(applicationId, file.filename(), file.type(), file.content(), by, at);
        events.publishEvent(new AccessReview.ApplicationStep("access.attach", applicationId, List.of(
                FieldChange.set("file", file.filename()), FieldChange.set("bytes", file.content().length))));
        return new ApplicationAttachments.Attachment(id, applicationId, file.filename(), file.type().contentType(),
                file.content().length, at, by);
    }

    /**
     * Applies with files in one step; every file is checked first, so a refused file leaves no application
     * behind (and no reviewer is told of one).
     */
    @Transactional
    AccessApplication applyWith(NewApplication request, List<Upload> uploads, String applicant) {
        List<Upload> files = uploads.stream().filter(u -> !u.empty()).toList();
        files.forEach(Upload::checked);
        if (files.size() > ApplicationAttachments.MAX_PER_APPLICATION) {
            throw ProblemException.conflict("application-attachments-full", ApplicationAttachments.MAX_PER_APPLICATION);
        }
        AccessApplication application = review.apply(request, applicant);
        files.forEach(file -> attach(application.id(), request.channelCode(), file, applicant));
        return application;
    }

    List<ApplicationAttachments.Attachment> list(long applicationId, String channel) {
        require(applicationId, channel);
        return attachments.of(applicationId);
    }

    ApplicationAttachments.Content download(long applicationId, String channel, long attachmentId) {
        require(applicationId, channel);
        return attachments.content(applicationId, attachmentId)
                .orElseThrow(() -> ProblemException.notFound("attachment", attachmentId));
    }

    private void require(long applicationId, String channel) {
        applications.find(applicationId).filter(a -> a.visibleTo(channel))
                .orElseThrow(() -> ProblemException.notFound("application", applicationId));
    }
}
