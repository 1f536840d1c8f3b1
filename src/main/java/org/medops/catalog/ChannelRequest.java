package org.medops.catalog;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A channel's profile as submitted; credentials are issued by the platform, never submitted. */
public record ChannelRequest(
        @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{1,31}", message = "{catalog.code.pattern}") String code,
        @NotBlank @Size(max = 128) String name,
        @Pattern(regexp = "APP|MINI_PROGRAM|WEB|PARTNER|INTERNAL") String type,
        @Size(max = 256) String contact,
        Boolean enabled,
        @Size(max = 64) List<@Pattern(regexp = "((25[0-5]|2[0-4]\\d|1?\\d?\\d)(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}(/(3[0-2]|[12]?\\d))?|[0-9a-fA-F]*:[0-9a-fA-F:.]*(/\\d{1,3})?)", message = "{catalog.ip.pattern}") String> ipAllowList,
        @Min(1) @Max(100000) Integer quotaPerSecond,
        @Min(1) Long quotaPerDay) {

    /** Ownership is assigned on its own (by inviting or approving a developer), never through the profile form. */
    ChannelProfile toProfile() {
        return new ChannelProfile(name, type == null ? "APP" : type, contact, enabled == null || enabled,
                ipAllowList == null ? List.of() : List.copyOf(ipAllowList), quotaPerSecond, quotaPerDay, null);
    }
}
