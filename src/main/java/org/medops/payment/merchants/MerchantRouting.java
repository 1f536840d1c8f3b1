package org.medops.payment.merchants;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.medops.payment.MerchantView;
import org.medops.payment.PaymentChannel;
import org.medops.shared.FieldChange;
import org.medops.shared.ProblemException;
import org.medops.shared.Secrets;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Routing rules, HIS endpoints and opened credentials: the merchants' side the order desk uses. */
@Service
class MerchantRouting implements PaymentMerchants {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final MerchantRegistry registry;
    private final MerchantKeys keys;
    private final RouteRecords routes;
    private final Secrets secrets;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MerchantRouting(MerchantRegistry registry, MerchantKeys keys, RouteRecords routes, Secrets secrets,
                    ApplicationEventPublisher events, Clock clock) {
        this.registry = registry;
        this.keys = keys;
        this.routes = routes;
        this.secrets = secrets;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public Optional<MerchantView> route(PaymentChannel channel, String campus, String department, String businessType) {
        return routes.resolve(channel, campus, department, businessType).flatMap(registry::byCode);
    }

    @Override
    public MerchantCredentials credentials(String merchantCode) {
        return keys.credentials(registry.get(merchantCode));
    }

    @Override
    public Optional<HisEndpoint> hisEndpoint(String merchantCode) {
        return routes.endpoint(merchantCode).map(e -> new HisEndpoint(e.url(), secrets.open(e.sealedKey())));
    }

    /** A rule of the same scope is replaced. */
    @Transactional
    Route putRoute(PaymentChannel channel, String campus, String department, String businessType, String merchantCode,
                   String by) {
        Merchant merchant = registry.get(merchantCode);
        if (merchant.details().channel() != channel) {
            throw ProblemException.invalid("route-channel-mismatch", merchantCode);
        }
        Route route = new Route(null, channel, campus, department, businessType, merchantCode, by, clock.instant());
        routes.put(route);
        events.publishEvent(MerchantAudit.ofMerchant("payment-route.put", merchantCode, FieldChange.between(null,
                new RouteScope(channel.name(), campus, department, businessType))));
        return routes.all().stream().filter(r -> r.channel() == channel && same(r.campus(), campus)
                && same(r.department(), department) && same(r.businessType(), businessType)).findFirst().orElseThrow();
    }

    private record RouteScope(String channel, String campus, String department, String businessType) {
    }

    @Transactional
    void deleteRoute(long id) {
        Route route = routes.find(id).orElseThrow(() -> ProblemException.notFound("payment-route", id));
        routes.delete(id);
        events.publishEvent(MerchantAudit.ofMerchant("payment-route.delete", route.merchant(), FieldChange.between(
                new RouteScope(route.channel().name(), route.campus(), route.department(), route.businessType()),
                new RouteScope(null, null, null, null))));
    }

    List<Route> routes() {
        return routes.all();
    }

    /** Sets where the HIS listens and issues a new signing key, returned this once and never again. */
    @Transactional
    HisEndpoint putHisEndpoint(String merchantCode, String url, String by) {
        registry.get(merchantCode);
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        String signingKey = Base64.getUrlEncoder().withoutPadding().encodeToString(key);
        routes.putEndpoint(merchantCode, url, secrets.seal(signingKey), by, clock.instant());
        events.publishEvent(MerchantAudit.ofMerchant("payment-merchant.his-endpoint", merchantCode,
                List.of(FieldChange.set("url", url), FieldChange.secret("signingKey"))));
        return new HisEndpoint(url, signingKey);
    }

    Optional<String> hisEndpointUrl(String merchantCode) {
        return routes.endpoint(merchantCode).map(RouteRecords.SealedEndpoint::url);
    }

    private static boolean same(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }
}
