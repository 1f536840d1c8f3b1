package org.medops.opsdesk.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.medops.alerting.AlertRaised;
import org.medops.alerting.AlertSeverity;
import org.medops.alerting.AlertTicketLinks;
import org.medops.alerting.RuleKind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;

/**
 * The alert → ticket path as a Spring Modulith scenario on {@code opsdesk.tickets} on its own: an
 * {@link AlertRaised} published in a transaction opens exactly one ticket through the ops desk's listener; a
 * re-fire of the same rule and subject while that ticket is open opens none and joins it. The module is named
 * explicitly: found by this class's package, {@code org.medops.opsdesk.tickets} resolves to the enclosing
 * {@code opsdesk} module, which leaves its nested modules out, so the listener would not be in the context and
 * the event would reach no one. Its direct dependencies come along; settings (which identity needs), the
 * database and the signature CA (the repair confirmation is signed with it) are extra. Alerting, which publishes
 * the event in the application, is not started.
 */
@ApplicationModuleTest(module = "opsdesk.tickets", mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES,
        extraIncludes = {"shared", "database", "settings", "signature.ca"})
@ActiveProfiles("test")
class AlertTicketsScenarioIT {

    @Autowired
    JdbcClient jdbc;

    @Test
    void startsWithTheListenerAndWithoutTheAlertingModule(ApplicationContext context) {
        assertThat(context.getBeanProvider(AlertTicketLinks.class).getIfAvailable()).isInstanceOf(AlertTickets.class);
        assertThat(Arrays.stream(context.getBeanDefinitionNames()).map(context::getType))
                .noneMatch(type -> type != null && type.getPackageName().equals(AlertRaised.class.getPackageName()));
    }

    @Test
    void aCriticalAlertOpensOneTicketAndARefireWhileItIsOpenOpensNone(Scenario scenario) {
        long rule = ThreadLocalRandom.current().nextLong(5_000_000, 6_000_000);
        long first = rule * 10;
        scenario.publish(raised(first, rule))
                .andWaitForStateChange(() -> ticketOf(first), ticket -> ticket != null)
                .andVerify(ticket -> assertThat(ticketsOfRule(rule)).isEqualTo(1));
        long ticket = ticketOf(first);

        scenario.publish(raised(first + 1, rule))
                .andWaitForStateChange(() -> ticketOf(first + 1), joined -> joined != null)
                .andVerify(joined -> {
                    assertThat(joined).isEqualTo(ticket);
                    assertThat(ticketsOfRule(rule)).isEqualTo(1);
                    assertThat(jdbc.sql("select count(*) from ticket_events where ticket_id = :id and kind = 'ALERT_REFIRED'")
                            .param("id", ticket).query(Integer.class).single()).isEqualTo(1);
                });
    }

    private static AlertRaised raised(long alertId, long ruleId) {
        return new AlertRaised(alertId, ruleId, "HIS 挂号失败率 > 5%", RuleKind.FAILURE_RATE, "his-" + ruleId,
                AlertSeverity.CRITICAL, "服务 his 最近 5 分钟失败率 12.0%", Instant.now());
    }

    private Long ticketOf(long alertId) {
        return jdbc.sql("select ticket_id from ticket_alerts where alert_id = :id").param("id", alertId)
                .query(Long.class).optional().orElse(null);
    }

    private int ticketsOfRule(long ruleId) {
        return jdbc.sql("select count(distinct ticket_id) from ticket_alerts where rule_id = :id").param("id", ruleId)
                .query(Integer.class).single();
    }
}
