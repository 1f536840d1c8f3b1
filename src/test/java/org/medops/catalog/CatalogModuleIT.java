package org.medops.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.medops.gateway.GatewayNodes;
import org.medops.settings.Settings;
import org.medops.shared.FieldChange;
import org.medops.shared.ProblemException;
import org.medops.shared.Secrets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;

/**
 * The catalog on its own (with the shared kernel and the database it keeps its rows in): services, channels and
 * grants made through {@link Catalog}, each change announced as one {@link CatalogChanged} carrying a new
 * configuration version, and the rules that refuse a change.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.STANDALONE, extraIncludes = {"shared", "database"})
@ActiveProfiles("test")
class CatalogModuleIT {

    @Autowired
    Catalog catalog;

    @Autowired
    Secrets secrets;

    private static String code(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static ServiceRequest service(String code) {
        return ServiceRequest.of(code, "HIS 患者服务", "HIS", "http://127.0.0.1:9/his");
    }

    private static ChannelRequest channel(String code, Long quotaPerDay) {
        return new ChannelRequest(code, "微信小程序", "MINI_PROGRAM", null, null, null, null, quotaPerDay);
    }

    @Test
    void startsWithoutTheModulesThatUseIt(ApplicationContext context) {
        assertThat(context.getBeanProvider(GatewayNodes.class).getIfAvailable()).isNull();
        assertThat(context.getBeanProvider(Settings.class).getIfAvailable()).isNull();
        assertThat(context.getBeanProvider(Catalog.class).getIfAvailable()).isNotNull();
    }

    @Nested
    class Changes {

        @Test
        void aNewServiceIsAnnouncedWithTheNextConfigurationVersion(Scenario scenario) {
            String code = code("svc");
            long before = catalog.currentVersion();

            scenario.stimulate(() -> catalog.createService(service(code)))
                    .andWaitForEventOfType(CatalogChanged.class)
                    .matching(event -> event.targetId().equals(code))
                    .toArriveAndVerify(event -> {
                        assertThat(event.action()).isEqualTo("service.create");
                        assertThat(event.targetType()).isEqualTo("service");
                        assertThat(event.configVersion()).isGreaterThan(before);
                        assertThat(event.changes()).extracting(FieldChange::field).contains("code", "name");
                    });
            assertThat(catalog.currentVersion()).isGreaterThan(before);
            assertThat(catalog.services()).extracting(ServiceDefinition::code).contains(code);
        }

        @Test
        void aChannelAndAGrantAreEachOneChangeAndOneVersion(AssertablePublishedEvents events) {
            String service = code("svc");
            String channel = code("ch");
            catalog.createService(service(service));
            long beforeChannel = catalog.currentVersion();

            catalog.issueChannel(channel(channel, null));
            long channelVersion = catalog.currentVersion();
            catalog.grant(channel, service, "admin");

            assertThat(channelVersion).isEqualTo(beforeChannel + 1);
            assertThat(catalog.currentVersion()).isEqualTo(channelVersion + 1);
            assertThat(events).contains(CatalogChanged.class)
                    .matching(e -> e.action().equals("channel.create") && e.targetId().equals(channel)
                            && e.configVersion() == channelVersion);
            assertThat(events).contains(CatalogChanged.class)
                    .matching(e -> e.action().equals("grant.create") && e.targetId().equals(channel)
                            && e.changes().contains(FieldChange.set("service", service)));
            assertThat(catalog.grantsOf(channel)).containsExactly(service);
            assertThat(catalog.snapshot().grants()).contains(new GatewayConfig.Grant(channel, service, null));
        }

        @Test
        void grantingAgainWithoutAQuotaChangesNothing(AssertablePublishedEvents events) {
            String service = code("svc");
            String channel = code("ch");
            catalog.createService(service(service));
            catalog.issueChannel(channel(channel, null));
            catalog.grant(channel, service, "admin");
            long version = catalog.currentVersion();

            catalog.grant(channel, service, "admin");

            assertThat(catalog.currentVersion()).isEqualTo(version);
            assertThat(events.ofType(CatalogChanged.class).matching(e -> e.targetId().equals(channel)
                    && e.action().startsWith("grant."))).hasSize(1);
        }

        @Test
        void aRevokedGrantIsGoneAndRevokingItAgainIsNotFound(AssertablePublishedEvents events) {
            String service = code("svc");
            String channel = code("ch");
            catalog.createService(service(service));
            catalog.issueChannel(channel(channel, null));
            catalog.grant(channel, service, "admin");

            catalog.revokeGrant(channel, service);

            assertThat(catalog.grantsOf(channel)).isEmpty();
            assertThat(events).contains(CatalogChanged.class)
                    .matching(e -> e.action().equals("grant.revoke") && e.targetId().equals(channel));
            assertProblem(() -> catalog.revokeGrant(channel, service), "not-found");
        }

        @Test
        void takingAServiceOfflineKeepsItsDefinitionAndRecordsOnlyTheSwitch(AssertablePublishedEvents events) {
            String code = code("svc");
            ServiceDefinition created = catalog.createService(service(code));

            ServiceDefinition offline = catalog.setOnline(code, false);

            assertThat(offline.online()).isFalse();
            assertThat(offline.upstreamUrls()).isEqualTo(created.upstreamUrls());
            assertThat(events).contains(CatalogChanged.class)
                    .matching(e -> e.action().equals("service.offline")
                            && e.changes().equals(List.of(FieldChange.of("online", true, false))));
        }
    }

    @Nested
    class Refusals {

        @Test
        void aServiceCodeIsTakenOnce() {
            String code = code("svc");
            catalog.createService(service(code));
            long version = catalog.currentVersion();

            assertProblem(() -> catalog.createService(service(code)), "service-code-taken");
            assertThat(catalog.currentVersion()).isEqualTo(version);
        }

        @Test
        void aChannelCodeIsTakenOnce() {
            String code = code("ch");
            catalog.issueChannel(channel(code, null));

            assertProblem(() -> catalog.issueChannel(channel(code, null)), "channel-code-taken");
        }

        @Test
        void aServiceNeedsAnHttpUpstream() {
            assertProblem(() -> catalog.createService(ServiceRequest.of(code("svc"), "无上游", "HIS", null)),
                    "upstream-required");
            assertProblem(() -> catalog.createService(ServiceRequest.of(code("svc"), "错误上游", "HIS",
                    "ftp://10.0.0.1/his")), "upstream-invalid");
            assertProblem(() -> catalog.createService(ServiceRequest.of(code("svc"), "错误上游", "HIS",
                    "http://")), "upstream-invalid");
        }

        @Test
        void aCodeNeverChangesOnUpdate() {
            String code = code("svc");
            catalog.createService(service(code));

            assertProblem(() -> catalog.updateService(code, service(code("other"))), "code-immutable");
        }

        @Test
        void aGrantNeedsAKnownChannelAndAKnownService() {
            String service = code("svc");
            String channel = code("ch");
            catalog.createService(service(service));
            catalog.issueChannel(channel(channel, null));
            long version = catalog.currentVersion();

            assertProblem(() -> catalog.grant(channel, "no-such-service", "admin"), "not-found");
            assertProblem(() -> catalog.grant("no-such-channel", service, "admin"), "not-found");
            assertThat(catalog.grantsOf(channel)).isEmpty();
            assertThat(catalog.currentVersion()).isEqualTo(version);
        }

        @Test
        void aSecretOverlapIsAtMostSevenDays() {
            String channel = code("ch");
            catalog.issueChannel(channel(channel, null));

            assertProblem(() -> catalog.rotateSecret(channel, Duration.ofDays(8)), "overlap-out-of-range");
            assertProblem(() -> catalog.rotateSecret(channel, Duration.ofMinutes(-1)), "overlap-out-of-range");
        }
    }

    @Nested
    class Quotas {

        @Test
        void aGrantCarriesItsOwnDailyQuotaAndAChangeOfItIsRecorded(AssertablePublishedEvents events) {
            String service = code("svc");
            String channel = code("ch");
            catalog.createService(service(service));
            catalog.issueChannel(channel(channel, null));

            catalog.grant(channel, service, "admin", 500L);
            catalog.grant(channel, service, "admin", 800L);

            assertThat(catalog.grantDetailsOf(channel)).containsExactly(new GatewayConfig.Grant(channel, service, 800L));
            assertThat(events).contains(CatalogChanged.class)
                    .matching(e -> e.action().equals("grant.quota")
                            && e.changes().contains(FieldChange.of("dailyQuota", 500L, 800L)));
        }

        @Test
        void aGrantQuotaBelowOneIsRefused() {
            String service = code("svc");
            String channel = code("ch");
            catalog.createService(service(service));
            catalog.issueChannel(channel(channel, null));

            assertProblem(() -> catalog.grant(channel, service, "admin", 0L), "quota-invalid");
            assertThat(catalog.grantsOf(channel)).isEmpty();
        }

        @Test
        void onlyChannelsWithADailyQuotaAreWatched() {
            String limited = code("ch");
            String unlimited = code("ch");
            catalog.issueChannel(channel(limited, 10_000L));
            catalog.issueChannel(channel(unlimited, null));

            assertThat(catalog.dailyQuotas()).contains(new Catalog.ChannelQuota(limited, 10_000L))
                    .extracting(Catalog.ChannelQuota::channelCode).doesNotContain(unlimited);
        }
    }

    @Nested
    class Credentials {

        @Test
        void anIssuedSecretIsShownOnceAndStoredOnlySealed(AssertablePublishedEvents events) {
            String code = code("ch");

            Catalog.IssuedCredentials issued = catalog.issueChannel(channel(code, null));

            Channel stored = catalog.channel(code);
            assertThat(issued.appSecret()).isNotBlank();
            assertThat(issued.appKey()).isEqualTo(stored.appKey());
            assertThat(stored.sealedSecret()).isNotEqualTo(issued.appSecret()).doesNotContain(issued.appSecret());
            assertThat(secrets.open(stored.sealedSecret())).isEqualTo(issued.appSecret());
            assertThat(issued.toString()).doesNotContain(issued.appSecret());
            assertThat(events).contains(CatalogChanged.class)
                    .matching(e -> e.targetId().equals(code) && e.changes().contains(FieldChange.secret("appSecret"))
                            && e.changes().stream().noneMatch(c -> mentions(c, issued.appSecret())));
        }

        @Test
        void aRotationIssuesANewSecretAndKeepsTheOldOneForTheOverlap(AssertablePublishedEvents events) {
            String code = code("ch");
            Catalog.IssuedCredentials issued = catalog.issueChannel(channel(code, null));

            String rotated = catalog.rotateSecret(code, Duration.ofHours(1));

            assertThat(rotated).isNotEqualTo(issued.appSecret());
            assertThat(catalog.signingSecret(code)).isEqualTo(rotated);
            ChannelAccess access = catalog.snapshot().channels().stream().filter(c -> c.code().equals(code))
                    .findFirst().orElseThrow();
            assertThat(access.secrets()).extracting(s -> secrets.open(s.sealed()))
                    .containsExactly(rotated, issued.appSecret());
            assertThat(access.secrets().get(1).validUntil()).isNotNull();
            assertThat(events).contains(CatalogChanged.class)
                    .matching(e -> e.action().equals("channel.secret.rotate") && e.targetId().equals(code)
                            && e.changes().stream().noneMatch(c -> mentions(c, rotated)));
        }

        @Test
        void aRotationWithoutOverlapRetiresTheOldSecretAtOnce() {
            String code = code("ch");
            catalog.issueChannel(channel(code, null));

            String rotated = catalog.rotateSecret(code, Duration.ZERO);

            ChannelAccess access = catalog.snapshot().channels().stream().filter(c -> c.code().equals(code))
                    .findFirst().orElseThrow();
            assertThat(access.secrets()).extracting(s -> secrets.open(s.sealed())).containsExactly(rotated);
        }

        @Test
        void revokedSecretsLeaveNothingToSignWith() {
            String code = code("ch");
            catalog.issueChannel(channel(code, null));

            catalog.revokeSecrets(code);

            assertThat(catalog.channel(code).hasSecret()).isFalse();
            assertProblem(() -> catalog.signingSecret(code), "channel-without-secret");
        }

        @Test
        void onlyTheOwnerRotatesTheSecretAsTheOwner() {
            String code = code("ch");
            catalog.issueChannel(channel(code, null));
            assertProblem(() -> catalog.rotateOwnSecret(code, "dev-zhang", Duration.ZERO), "channel-owner-only");

            catalog.assignOwner(code, "dev-zhang");

            assertThat(catalog.ownedBy(code, "DEV-ZHANG")).isTrue();
            assertProblem(() -> catalog.rotateOwnSecret(code, "dev-li", Duration.ZERO), "channel-owner-only");
            String rotated = catalog.rotateOwnSecret(code, "dev-zhang", Duration.ZERO);
            assertThat(catalog.signingSecret(code)).isEqualTo(rotated);
        }

        @Test
        void anOwnerIsRecordedWithoutMovingTheVersion(AssertablePublishedEvents events) {
            String code = code("ch");
            catalog.issueChannel(channel(code, null));
            long version = catalog.currentVersion();

            catalog.assignOwner(code, "dev-zhang");

            assertThat(catalog.ownerOf(code)).contains("dev-zhang");
            assertThat(catalog.currentVersion()).isEqualTo(version);
            assertThat(events).contains(CatalogChanged.class)
                    .matching(e -> e.action().equals("channel.owner") && e.configVersion() == version);
        }
    }

    private static boolean mentions(FieldChange change, String secret) {
        return secret.equals(change.before()) || secret.equals(change.after());
    }

    private static void assertProblem(Runnable change, String code) {
        assertThatThrownBy(change::run).isInstanceOf(ProblemException.class)
                .extracting(e -> ((ProblemException) e).code()).isEqualTo(code);
    }
}
