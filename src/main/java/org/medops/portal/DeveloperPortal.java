package org.medops.portal;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.medops.catalog.Catalog;
import org.medops.shared.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The developer's own view: their channel, its grants and applications, and applying for more; and the
 * administrator's invitation of developers. A developer never names a channel: it is always theirs.
 */
@RestController
class DeveloperPortal {

    private final Catalog catalog;
    private final AccessApplications applications;
    private final AccessReview review;
    private final ApplicationFiles files;
    private final ChannelOwners owners;
    private final Invitations invitations;

    DeveloperPortal(Catalog catalog, AccessApplications applications,
                    AccessReview review, ApplicationFiles files, ChannelOwners owners, Invitations invitations) {
        this.catalog = catalog;
        this.owners = owners;
        this.invitations = invitations;
        this.applications = applications;
        this.review = review;
        this.files = files;
    }

    @PostMapping("/api/v1/channels/{code}/developers")
    @PreAuthorize("hasAuthority('catalog:channel:write')")
    ResponseEntity<Invitation> invite(@PathVariable String code, @Valid @RequestBody NewDeveloper request) {
        if (!catalog.hasChannel(code)) {
            throw ProblemException.notFound("channel", code);
        }
        String password = invitations.invite(code, request);
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/users/" + request.username()))
                .body(new Invitation(request.username(), code, password));
    }

    @GetMapping("/api/v1/portal/channel")
    @PreAuthorize("hasAuthority('portal:developer')")
    MyChannel channel(Authentication who) {
        String channel = Developers.channelOf(who);
        return new MyChannel(channel, catalog.appKeyOf(channel), catalog.grantsOf(channel),
                catalog.grantDetailsOf(channel).stream().map(g -> new MyGrant(g.serviceCode(), g.dailyQuota())).toList(),
                owners.owns(who));
    }

    /** The channel's owner rotates its secret (shown once here); anyone else bound to it gets 403 channel-owner-only. */
    @PostMapping("/api/v1/portal/channel/secret/rotate")
    @PreAuthorize("hasAuthority('portal:developer')")
    RotatedSecret rotate(@Valid @RequestBody(required = false) Rotation rotation, Authentication who) {
        String channel = Developers.channelOf(who);
        String secret = owners.rotate(who, Duration.ofMinutes(rotation == null || rotation.overlapMinutes() == null ? 60 : rotation.overlapMinutes()));
        return new RotatedSecret(channel, catalog.appKeyOf(channel), secret);
    }

    @GetMapping("/api/v1/portal/applications")
    @PreAuthorize("hasAuthority('portal:developer')")
    List<AccessApplication> myApplications(Authentication who) {
        String channel = Developers.channelOf(who);
        return applications.ofChannel(channel);
    }

    @PostMapping("/api/v1/portal/applications")
    @PreAuthorize("hasAuthority('portal:developer')")
    ResponseEntity<AccessApplication> apply(@Valid @RequestBody MyApplication request, Authentication who) {
        if (catalog.publishedService(request.serviceCode()).isEmpty()) {
            throw ProblemException.notFound("service", request.serviceCode());
        }
        AccessApplication application = review.apply(new NewApplication(Developers.channelOf(who), request.serviceCode(),
                request.purpose(), request.expectedDailyVolume(), request.contact()), who.getName());
        return ResponseEntity.created(URI.create("/api/v1/portal/applications/" + application.id())).body(application);
    }

    @PostMapping(value = "/api/v1/portal/applications/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAuthority('portal:developer')")
    ResponseEntity<ApplicationAttachments.Attachment> attach(@PathVariable long id, @RequestPart("file") MultipartFile file,
                                                             Authentication who) throws IOException {
        return ResponseEntity.status(HttpStatus.CREATED).body(files.attach(id, Developers.channelOf(who),
                new ApplicationFiles.Upload(file.getOriginalFilename(), file.getBytes()), who.getName()));
    }

    @GetMapping("/api/v1/portal/applications/{id}/attachments")
    @PreAuthorize("hasAuthority('portal:developer')")
    List<ApplicationAttachments.Attachment> attachments(@PathVariable long id, Authentication who) {
        return files.list(id, Developers.channelOf(who));
    }

    @GetMapping("/api/v1/portal/applications/{id}/attachments/{attachmentId}")
    @PreAuthorize("hasAuthority('portal:developer')")
    ResponseEntity<byte[]> attachment(@PathVariable long id, @PathVariable long attachmentId, Authentication who) {
        return files.download(id, Developers.channelOf(who), attachmentId).asDownload();
    }

    /**
     * @param owner whether the invited account owns the channel's credentials; by default it does when the
     *              channel has no owner yet (the account is created for the channel), never silently takes over
     */
    record NewDeveloper(@NotBlank @Size(min = 3, max = 64) @Pattern(regexp = "[A-Za-z0-9._-]+", message = "{validation.username}") String username,
                        @NotBlank @Size(max = 128) String displayName, @Size(max = 256) String email, Boolean owner) {
    }

    /** @param overlapMinutes how long the old secret keeps working; 60 when left out, as on the page */
    record Rotation(@Min(0) @Max(10080) Integer overlapMinutes) {
    }

    record RotatedSecret(String code, String appKey, String appSecret) {
        @Override
        public String toString() {
            return "RotatedSecret[code=" + code + ", appKey=" + appKey + ", appSecret=******]";
        }
    }

    /** The temporary password appears here once; the developer must change it at first sign-in. */
    record Invitation(String username, String channelCode, String temporaryPassword) {
    }

    /** @param owner whether the caller owns the channel and so may rotate its secret */
    record MyChannel(String code, String appKey, List<String> grants, List<MyGrant> grantQuotas, boolean owner) {
    }

    record MyGrant(String serviceCode, Long dailyQuota) {
    }

    record MyApplication(@NotBlank @Size(max = 32) String serviceCode, @NotBlank @Size(max = 2000) String purpose,
                         Long expectedDailyVolume, @Size(max = 256) String contact) {
    }
}
