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
import org.medops.catalog.CanManageChannels;
import org.medops.catalog.Catalog;
import org.medops.identity.CanUseDeveloperPortal;
import org.medops.identity.DeveloperAccounts;
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

/**
 * The developer's own view: their channel, its grants and its secret; and the
 * administrator's invitation of developers. A developer never names a channel: it is always theirs.
 */
@RestController
class DeveloperPortal {

    private final Catalog catalog;
    private final ChannelOwners owners;
    private final Invitations invitations;

    DeveloperPortal(Catalog catalog, ChannelOwners owners, Invitations invitations) {
        this.catalog = catalog;
        this.owners = owners;
        this.invitations = invitations;
    }

    @PostMapping("/api/v1/channels/{code}/developers")
    @CanManageChannels
    ResponseEntity<Invitation> invite(@PathVariable String code, @Valid @RequestBody NewDeveloper request) {
        if (!catalog.hasChannel(code)) {
            throw ProblemException.notFound("channel", code);
        }
        String password = invitations.invite(code, request);
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/users/" + request.username()))
                .body(new Invitation(request.username(), code, password));
    }

    @GetMapping("/api/v1/portal/channel")
    @CanUseDeveloperPortal
    MyChannel channel(Authentication who) {
        String channel = DeveloperAccounts.ownChannel(who);
        return new MyChannel(channel, catalog.appKeyOf(channel), catalog.grantsOf(channel),
                catalog.grantDetailsOf(channel).stream().map(g -> new MyGrant(g.serviceCode(), g.dailyQuota())).toList(),
                owners.owns(who));
    }

    /** The channel's owner rotates its secret (shown once here); anyone else bound to it gets 403 channel-owner-only. */
    @PostMapping("/api/v1/portal/channel/secret/rotate")
    @CanUseDeveloperPortal
    RotatedSecret rotate(@Valid @RequestBody(required = false) Rotation rotation, Authentication who) {
        String channel = DeveloperAccounts.ownChannel(who);
        String secret = owners.rotate(who, Duration.ofMinutes(rotation == null || rotation.overlapMinutes() == null ? 60 : rotation.overlapMinutes()));
        return new RotatedSecret(channel, catalog.appKeyOf(channel), secret);
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

}
