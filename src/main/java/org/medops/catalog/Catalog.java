package org.medops.catalog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.medops.shared.FieldChange;
import org.medops.shared.ProblemException;
import org.medops.shared.Secrets;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules of the catalog. Each change commits together with its audit record and a new
 * configuration version, announced to gateway nodes with PostgreSQL NOTIFY.
 */
@Service
public class Catalog {

    /** The channel nodes LISTEN on; the payload is the new version. */
    public static final String CONFIG_CHANNEL = "medops_gateway_config";

    private final Services services;
    private final Channels channels;
    private final Grants grants;
    private final ServiceDocs docs;
    private final Secrets secrets;
    private final ConfigVersions versions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Catalog(Services services, Channels channels, Grants grants, ServiceDocs docs, Secrets secrets,
            ConfigVersions versions, ApplicationEventPublisher events, Clock clock) {
        this.services = services;
        this.channels = channels;
        this.grants = grants;
        this.docs = docs;
        this.secrets = secrets;
        this.versions = versions;
        this.events = events;
        this.clock = clock;
    }

    /** The whole configuration at one version, read in one transaction. */
    @Transactional(readOnly = true)
    public GatewayConfig snapshot() {
        long version = currentVersion();
        return new GatewayConfig(version, services.all(), channels.all().stream().map(Channel::access).toList(),
                grants.all());
    }

    public long currentVersion() {
        return versions.current();
    }

    public List<ServiceDefinition> services() {
        return services.all();
    }

    ServiceDefinition service(String code) {
        return services.find(code).orElseThrow(() -> ProblemException.notFound("service", code));
    }

    /** Creates a channel; the only moment its secret exists in clear outside the caller's hands. */
    @Transactional
    public IssuedCredentials issueChannel(ChannelRequest request) {
        Channel.Issued issued = createChannel(request);
        return new IssuedCredentials(request.code(), issued.channel().appKey(), issued.clearSecret());
    }

    /** Channels with a daily quota, for the quota-usage alert. */
    public List<ChannelQuota> dailyQuotas() {
        return channels.all().stream().filter(c -> c.profile().quotaPerDay() != null)
                .map(c -> new ChannelQuota(c.code(), c.profile().quotaPerDay())).toList();
    }

    public record ChannelQuota(String channelCode, long perDay) {
    }

    /**
     * The channel's current secret, for signing on the server (the service-test console). It never
     * leaves the server: callers sign with it and discard it.
     */
    public String signingSecret(String channelCode) {
        Channel channel = channel(channelCode);
        if (!channel.hasSecret()) {
            throw ProblemException.conflict("channel-without-secret", channelCode);
        }
        return secrets.open(channel.sealedSecret());
    }

    public List<String> channelCodes() {
        return channels.all().stream().map(Channel::code).toList();
    }

    /** Every channel's code and name, for pick-lists that show the name and send the code. */
    public List<ChannelName> channelNames() {
        return channels.all().stream().map(c -> new ChannelName(c.code(), c.profile().name())).toList();
    }

    public record ChannelName(String code, String name) {
    }

    public boolean hasChannel(String code) {
        return channels.exists(code);
    }

    public String appKeyOf(String channelCode) {
        return channel(channelCode).appKey();
    }

    public record IssuedCredentials(String code, String appKey, String appSecret) {
        @Override
        public String toString() {
            return "IssuedCredentials[code=" + code + ", appKey=" + appKey + ", appSecret=******]";
        }
    }

    List<Channel> channels() {
        return channels.all();
    }

    Channel channel(String code) {
        return channels.find(code).orElseThrow(() -> ProblemException.notFound("channel", code));
    }

    public List<String> grantsOf(String channelCode) {
        return grants.servicesOf(channelCode);
    }

    @Transactional
    public ServiceDefinition createService(ServiceRequest request) {
        ServiceDefinition service = validated(request.toDefinition());
        if (services.exists(service.code())) {
            throw ProblemException.conflict("service-code-taken", service.code());
        }
        services.save(service, clock.instant());
        changed("service.create", "service", service.code(), FieldChange.between(null, service));
        return service;
    }

    @Transactional
    ServiceDefinition updateService(String code, ServiceRequest request) {
        ServiceDefinition before = service(code);
        if (!code.equals(request.code())) {
            throw ProblemException.invalid("code-immutable", code);
        }
        ServiceDefinition after = validated(request.toDefinition());
        services.save(after, clock.instant());
        changed("service.update", "service", code, FieldChange.between(before, after));
        return after;
    }

    @Transactional
    ServiceDefinition setOnline(String code, boolean online) {
        ServiceDefinition before = service(code);
        ServiceDefinition after = new ServiceDefinition(before.code(), before.name(), before.description(),
                before.owningSystem(), before.upstreamUrls(), before.pathRewrite(), before.allowedMethods(),
                before.connectTimeoutMs(), before.readTimeoutMs(), before.retries(), before.breaker(),
                before.fallback(), before.rateLimitPerSecond(), online, before.captureBodies(), before.maskedFields());
        services.save(after, clock.instant());
        changed(online ? "service.online" : "service.offline", "service", code,
                List.of(FieldChange.of("online", before.online(), online)));
        return after;
    }

    @Transactional
    Channel.Issued createChannel(ChannelRequest request) {
        if (channels.exists(request.code())) {
            throw ProblemException.conflict("channel-code-taken", request.code());
        }
        Channel.Issued issued = Channel.create(request.code(), request.toProfile(), secrets);
        channels.save(issued.channel(), clock.instant());
        List<FieldChange> changes = new ArrayList<>(FieldChange.between(null, issued.channel().profile()));
        changes.add(FieldChange.set("appKey", issued.channel().appKey()));
        changes.add(FieldChange.secret("appSecret"));
        changed("channel.create", "channel", request.code(), changes);
        return issued;
    }

    @Transactional
    Channel updateChannel(String code, ChannelRequest request) {
        Channel channel = channel(code);
        if (!code.equals(request.code())) {
            throw ProblemException.invalid("code-immutable", code);
        }
        ChannelProfile before = channel.profile();
        channel.update(request.toProfile());
        channels.updateProfile(channel, clock.instant());
        changed("channel.update", "channel", code, FieldChange.between(before, channel.profile()));
        return channel;
    }

    @Transactional
    public String rotateSecret(String code, Duration overlap) {
        return rotate(channels.findForUpdate(code).orElseThrow(() -> ProblemException.notFound("channel", code)),
                overlap);
    }

    /**
     * A rotation by the channel's owner (a developer in the portal). Ownership is checked on the locked row, so an
     * owner changed meanwhile (the hospital handing the channel to somebody else) is never rotated by the old one.
     */
    @Transactional
    public String rotateOwnSecret(String code, String username, Duration overlap) {
        Channel channel = channels.findForUpdate(code).orElseThrow(() -> ProblemException.notFound("channel", code));
        if (!channel.ownedBy(username)) {
            throw new ProblemException(org.springframework.http.HttpStatus.FORBIDDEN, "channel-owner-only", code);
        }
        return rotate(channel, overlap);
    }

    private String rotate(Channel channel, Duration overlap) {
        String code = channel.code();
        String clear = channel.rotate(overlap, clock.instant(), secrets);
        channels.save(channel, clock.instant());
        changed("channel.secret.rotate", "channel", code,
                List.of(FieldChange.secret("appSecret"), FieldChange.set("overlap", overlap)));
        return clear;
    }

    /** Whether {@code username} owns the channel's credentials (and so may rotate them in the portal). */
    public boolean ownedBy(String channelCode, String username) {
        return channel(channelCode).ownedBy(username);
    }

    /** The developer account that owns the channel's credentials; empty for a channel the hospital manages alone. */
    public java.util.Optional<String> ownerOf(String channelCode) {
        return java.util.Optional.ofNullable(channel(channelCode).profile().owner());
    }

    /**
     * Makes a developer account the owner of the channel's credentials (null: nobody). Ownership is no gateway
     * configuration, so the version does not move; the audit trail records the change.
     */
    @Transactional
    public void assignOwner(String channelCode, String username) {
        Channel channel = channels.findForUpdate(channelCode)
                .orElseThrow(() -> ProblemException.notFound("channel", channelCode));
        String before = channel.profile().owner();
        if (java.util.Objects.equals(before, username)) {
            return;
        }
        channel.assignOwner(username);
        channels.updateProfile(channel, clock.instant());
        events.publishEvent(new CatalogChanged("channel.owner", "channel", channelCode,
                List.of(FieldChange.of("owner", before, username)), currentVersion()));
    }

    @Transactional
    void revokeSecrets(String code) {
        Channel channel = channels.findForUpdate(code).orElseThrow(() -> ProblemException.notFound("channel", code));
        channel.revokeSecrets();
        channels.save(channel, clock.instant());
        changed("channel.secret.revoke", "channel", code, List.of(FieldChange.secret("appSecret")));
    }

    @Transactional
    public void grant(String channelCode, String serviceCode, String by) {
        grant(channelCode, serviceCode, by, null);
    }

    /**
     * Grants a service to a channel, optionally with a daily quota of its own (on top of the channel's
     * quota); granting again with a quota changes the quota, without one leaves it as it is.
     */
    @Transactional
    public void grant(String channelCode, String serviceCode, String by, Long dailyQuota) {
        channel(channelCode);
        service(serviceCode);
        if (dailyQuota != null && dailyQuota < 1) {
            throw ProblemException.invalid("quota-invalid", dailyQuota);
        }
        java.util.Optional<GatewayConfig.Grant> existing = grants.find(channelCode, serviceCode);
        if (existing.isEmpty()) {
            grants.add(channelCode, serviceCode, by, clock.instant(), dailyQuota);
            changed("grant.create", "channel", channelCode, List.of(FieldChange.set("service", serviceCode),
                    FieldChange.set("dailyQuota", dailyQuota)));
        } else if (dailyQuota != null && !dailyQuota.equals(existing.get().dailyQuota())) {
            grants.setQuota(channelCode, serviceCode, dailyQuota);
            changed("grant.quota", "channel", channelCode, List.of(FieldChange.set("service", serviceCode),
                    FieldChange.of("dailyQuota", existing.get().dailyQuota(), dailyQuota)));
        }
    }

    /** The channel's grants with their daily quotas. */
    public List<GatewayConfig.Grant> grantDetailsOf(String channelCode) {
        return grants.of(channelCode);
    }

    @Transactional
    public void revokeGrant(String channelCode, String serviceCode) {
        if (!grants.remove(channelCode, serviceCode)) {
            throw ProblemException.notFound("grant", channelCode + "→" + serviceCode);
        }
        changed("grant.revoke", "channel", channelCode, List.of(FieldChange.of("service", serviceCode, null)));
    }

    public java.util.Optional<ServiceDoc> docOf(String serviceCode) {
        return docs.find(serviceCode);
    }

    /** The services published to the developer portal, with their docs; unpublished ones never appear. */
    public List<ServiceDoc.Published> publishedServices() {
        java.util.Map<String, ServiceDefinition> byCode = new java.util.HashMap<>();
        services.all().forEach(s -> byCode.put(s.code(), s));
        return docs.published().stream().filter(d -> byCode.containsKey(d.serviceCode()))
                .map(d -> new ServiceDoc.Published(byCode.get(d.serviceCode()), d)).toList();
    }

    public java.util.Optional<ServiceDoc.Published> publishedService(String serviceCode) {
        return docs.find(serviceCode).filter(ServiceDoc::published)
                .flatMap(d -> services.find(serviceCode).map(s -> new ServiceDoc.Published(s, d)));
    }

    /**
     * Saves a service's portal docs; an OpenAPI document must parse. Docs are no gateway configuration,
     * so the version does not move; the audit trail records what changed (text fields by size only).
     */
    @Transactional
    public ServiceDoc saveDoc(String serviceCode, ServiceDocRequest request, String by) {
        service(serviceCode);
        if (request.openApi() != null && !request.openApi().isBlank()) {
            OpenApiText.parse(request.openApi());
        }
        java.util.Optional<ServiceDoc> before = docs.find(serviceCode);
        docs.save(serviceCode, request, by, clock.instant());
        ServiceDoc after = docs.find(serviceCode).orElseThrow();
        List<FieldChange> changes = new ArrayList<>();
        changes.add(FieldChange.of("published", before.map(ServiceDoc::published).orElse(false), after.published()));
        changes.add(FieldChange.of("summary", before.map(ServiceDoc::summary).orElse(null), after.summary()));
        changes.add(FieldChange.of("requestExample", size(before.map(ServiceDoc::requestExample)), size(java.util.Optional.ofNullable(after.requestExample()))));
        changes.add(FieldChange.of("responseExample", size(before.map(ServiceDoc::responseExample)), size(java.util.Optional.ofNullable(after.responseExample()))));
        changes.add(FieldChange.of("openApi", size(before.map(ServiceDoc::openApi)), size(java.util.Optional.ofNullable(after.openApi()))));
        changes.add(FieldChange.of("errorCodes", before.map(ServiceDoc::errorCodes).orElse(null), after.errorCodes()));
        events.publishEvent(new CatalogChanged("service.docs", "service", serviceCode,
                changes.stream().filter(FieldChange::changed).toList(), currentVersion()));
        return after;
    }

    /** Long texts appear in the trail as size and digest, enough to tell that and when they changed. */
    private static String size(java.util.Optional<String> text) {
        return text.map(t -> {
            try {
                byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                        .digest(t.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                return t.length() + " chars, sha256 " + java.util.HexFormat.of().formatHex(digest, 0, 6);
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }).orElse(null);
    }

    private void changed(String action, String type, String id, List<FieldChange> changes) {
        long version = versions.advance();
        events.publishEvent(new CatalogChanged(action, type, id, changes, version));
    }

    private static ServiceDefinition validated(ServiceDefinition service) {
        if (service.upstreamUrls().isEmpty()) {
            throw ProblemException.invalid("upstream-required");
        }
        for (String url : service.upstreamUrls()) {
            try {
                java.net.URI uri = java.net.URI.create(url);
                if (uri.getHost() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                    throw ProblemException.invalid("upstream-invalid", url);
                }
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("upstream-invalid", url);
            }
        }
        return service;
    }

    Instant now() {
        return clock.instant();
    }
}
