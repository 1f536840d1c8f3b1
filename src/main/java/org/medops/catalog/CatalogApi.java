package org.medops.catalog;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class CatalogApi {

    private final Catalog catalog;

    CatalogApi(Catalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/services")
    @CanReadServices
    List<ServiceDefinition> services() {
        return catalog.services();
    }

    @GetMapping("/services/{code}")
    @CanReadServices
    ServiceDefinition service(@PathVariable String code) {
        return catalog.service(code);
    }

    @PostMapping("/services")
    @CanManageServices
    ResponseEntity<ServiceDefinition> createService(@Valid @RequestBody ServiceRequest request) {
        ServiceDefinition service = catalog.createService(request);
        return ResponseEntity.created(URI.create("/api/v1/services/" + service.code())).body(service);
    }

    @PutMapping("/services/{code}")
    @CanManageServices
    ServiceDefinition updateService(@PathVariable String code, @Valid @RequestBody ServiceRequest request) {
        return catalog.updateService(code, request);
    }

    @PostMapping("/services/{code}/online")
    @CanManageServices
    ServiceDefinition online(@PathVariable String code) {
        return catalog.setOnline(code, true);
    }

    @PostMapping("/services/{code}/offline")
    @CanManageServices
    ServiceDefinition offline(@PathVariable String code) {
        return catalog.setOnline(code, false);
    }

    @GetMapping("/services/{code}/docs")
    @CanReadServices
    ServiceDoc docs(@PathVariable String code) {
        catalog.service(code);
        return catalog.docOf(code).orElseThrow(() -> org.medops.shared.ProblemException.notFound("service docs", code));
    }

    /** The portal docs of a service; an OpenAPI document (JSON or YAML) must parse. */
    @PutMapping("/services/{code}/docs")
    @CanManageServices
    ServiceDoc saveDocs(@PathVariable String code, @Valid @RequestBody ServiceDocRequest request, Authentication who) {
        return catalog.saveDoc(code, request, who.getName());
    }

    @GetMapping("/channels")
    @CanReadChannels
    List<ChannelView> channels() {
        return catalog.channels().stream().map(this::view).toList();
    }

    @GetMapping("/channels/{code}")
    @CanReadChannels
    ChannelView channel(@PathVariable String code) {
        return view(catalog.channel(code));
    }

    /** The only response that ever carries the secret in clear. */
    @PostMapping("/channels")
    @CanManageChannels
    ResponseEntity<IssuedCredentials> createChannel(@Valid @RequestBody ChannelRequest request) {
        Channel.Issued issued = catalog.createChannel(request);
        return ResponseEntity.created(URI.create("/api/v1/channels/" + request.code()))
                .body(new IssuedCredentials(request.code(), issued.channel().appKey(), issued.clearSecret(), null));
    }

    @PutMapping("/channels/{code}")
    @CanManageChannels
    ChannelView updateChannel(@PathVariable String code, @Valid @RequestBody ChannelRequest request) {
        return view(catalog.updateChannel(code, request));
    }

    @PostMapping("/channels/{code}/secret/rotate")
    @CanManageChannels
    IssuedCredentials rotate(@PathVariable String code, @Valid @RequestBody(required = false) Rotation rotation) {
        Duration overlap = Duration.ofMinutes(rotation == null ? 60 : rotation.overlapMinutes());
        String secret = catalog.rotateSecret(code, overlap);
        Channel channel = catalog.channel(code);
        return new IssuedCredentials(code, channel.appKey(), secret, channel.previousValidUntil());
    }

    @PostMapping("/channels/{code}/secret/revoke")
    @CanManageChannels
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable String code) {
        catalog.revokeSecrets(code);
    }

    @GetMapping("/channels/{code}/grants")
    @CanReadChannels
    List<String> grants(@PathVariable String code) {
        catalog.channel(code);
        return catalog.grantsOf(code);
    }

    @PostMapping("/channels/{code}/grants")
    @CanManageChannels
    @ResponseStatus(HttpStatus.CREATED)
    List<String> grant(@PathVariable String code, @Valid @RequestBody GrantRequest request, Authentication who) {
        catalog.grant(code, request.serviceCode(), who.getName(), request.dailyQuota());
        return catalog.grantsOf(code);
    }

    @DeleteMapping("/channels/{code}/grants/{serviceCode}")
    @CanManageChannels
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revokeGrant(@PathVariable String code, @PathVariable String serviceCode) {
        catalog.revokeGrant(code, serviceCode);
    }

    private ChannelView view(Channel channel) {
        ChannelProfile p = channel.profile();
        return new ChannelView(channel.code(), p.name(), p.type(), p.contact(), p.enabled(), p.ipAllowList(),
                p.quotaPerSecond(), p.quotaPerDay(), channel.appKey(), channel.hasSecret(),
                channel.previousValidUntil(), catalog.grantsOf(channel.code()), p.owner());
    }

    record GrantRequest(@NotBlank String serviceCode, @Min(1) Long dailyQuota) {
    }

    record Rotation(@Min(0) @Max(10080) int overlapMinutes) {
    }

    record IssuedCredentials(String code, String appKey, String appSecret, Instant previousSecretValidUntil) {
        @Override
        public String toString() {
            return "IssuedCredentials[code=" + code + ", appKey=" + appKey + ", appSecret=******]";
        }
    }

    record ChannelView(String code, String name, String type, String contact, boolean enabled,
                       List<String> ipAllowList, Integer quotaPerSecond, Long quotaPerDay, String appKey,
                       boolean hasSecret, Instant previousSecretValidUntil, List<String> grants, String owner) {
    }
}
