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
import org.springframework.jdbc.core.simple.JdbcClient;
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
    private final Secrets secrets;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Catalog(Services services, Channels channels, Grants grants, Secrets secrets, JdbcClient jdbc,
            ApplicationEventPublisher events, Clock clock) {
        this.services = services;
        this.channels = channels;
        this.grants = grants;
        this.secrets = secrets;
        this.jdbc = jdbc;
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
        return jdbc.sql("select version from gateway_config_version where id = 1").query(Long.class).single();
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
        Channel channel = channels.findForUpdate(code).orElseThrow(() -> ProblemException.notFound("channel", code));
        String clear = channel.rotate(overlap, clock.instant(), secrets);
        channels.save(channel, clock.instant());
        changed("channel.secret.rotate", "channel", code,
                List.of(FieldChange.secret("appSecret"), FieldChange.set("overlap", overlap)));
        return clear;
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
        channel(channelCode);
        service(serviceCode);
        if (grants.add(channelCode, serviceCode, by, clock.instant())) {
            changed("grant.create", "channel", channelCode, List.of(FieldChange.set("service", serviceCode)));
        }
    }

    @Transactional
    public void revokeGrant(String channelCode, String serviceCode) {
        if (!grants.remove(channelCode, serviceCode)) {
            throw ProblemException.notFound("grant", channelCode + "→" + serviceCode);
        }
        changed("grant.revoke", "channel", channelCode, List.of(FieldChange.of("service", serviceCode, null)));
    }

    private void changed(String action, String type, String id, List<FieldChange> changes) {
        long version = jdbc.sql("update gateway_config_version set version = version + 1 where id = 1 returning version")
                .query(Long.class).single();
        // Delivered on commit only, so nodes never read a version that is not there yet.
        jdbc.sql("select pg_notify(?, ?)").params(CONFIG_CHANNEL, Long.toString(version)).query(Object.class).single();
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
