package org.medops.gateway;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.medops.catalog.ChannelAccess;
import org.medops.catalog.GatewayConfig;
import org.medops.shared.Secrets;
import org.medops.catalog.ServiceDefinition;

/** One configuration version compiled for lookups on the request path: immutable, swapped whole. */
final class RoutingTable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RoutingTable.class);

    private final long version;
    private final Map<String, ServiceRuntime> services;
    private final Map<String, ChannelRuntime> channelsByKey;
    private final Set<String> grants;
    private final Map<String, Long> grantQuotas;

    private RoutingTable(long version, Map<String, ServiceRuntime> services, Map<String, ChannelRuntime> channels,
                         Set<String> grants, Map<String, Long> grantQuotas) {
        this.version = version;
        this.services = services;
        this.channelsByKey = channels;
        this.grants = grants;
        this.grantQuotas = grantQuotas;
    }

    static RoutingTable empty() {
        return new RoutingTable(0, Map.of(), Map.of(), Set.of(), Map.of());
    }

    /** Keeps the runtime (and breaker state) of every service whose definition did not change. */
    static RoutingTable compile(GatewayConfig config, RoutingTable previous, Secrets secrets) {
        Map<String, ServiceRuntime> services = new HashMap<>();
        for (ServiceDefinition definition : config.services()) {
            ServiceRuntime existing = previous.services.get(definition.code());
            services.put(definition.code(), existing != null && existing.definition().equals(definition)
                    ? existing : new ServiceRuntime(definition));
        }
        Map<String, ChannelRuntime> channels = new HashMap<>();
        for (ChannelAccess access : config.channels()) {
            try {
                List<ChannelRuntime.OpenSecret> open = access.secrets().stream()
                        .map(s -> new ChannelRuntime.OpenSecret(secrets.open(s.sealed()), s.validUntil())).toList();
                channels.put(access.appKey(), new ChannelRuntime(access, open, new IpAllowList(access.ipAllowList())));
            } catch (RuntimeException e) {
                // One broken channel is left out (its calls fail closed); it must not stop every other change.
                LOG.error("Channel {} left out of configuration version {}: {}", access.code(), config.version(),
                        e.getMessage());
            }
        }
        Set<String> grants = new HashSet<>();
        Map<String, Long> quotas = new HashMap<>();
        for (GatewayConfig.Grant grant : config.grants()) {
            grants.add(grant.channelCode() + "\u0000" + grant.serviceCode());
            if (grant.dailyQuota() != null) {
                quotas.put(grant.channelCode() + "\u0000" + grant.serviceCode(), grant.dailyQuota());
            }
        }
        return new RoutingTable(config.version(), Map.copyOf(services), Map.copyOf(channels), Set.copyOf(grants),
                Map.copyOf(quotas));
    }

    long version() {
        return version;
    }

    ServiceRuntime service(String code) {
        return services.get(code);
    }

    ChannelRuntime channel(String appKey) {
        return channelsByKey.get(appKey);
    }

    boolean granted(String channelCode, String serviceCode) {
        return grants.contains(channelCode + "\u0000" + serviceCode);
    }

    /** The grant's own daily quota, or null. */
    Long grantQuota(String channelCode, String serviceCode) {
        return grantQuotas.get(channelCode + "\u0000" + serviceCode);
    }

    Iterable<ServiceRuntime> services() {
        return services.values();
    }
}
