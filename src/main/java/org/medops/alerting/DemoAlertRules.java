package org.medops.alerting;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * The alert rules demo mode starts with, so the alert messages page has something to show. The traffic rules
 * carry a for-duration and a recovery band: the demo's LIS latency hovers around its line, and without them
 * the rule fired and resolved every few minutes.
 */
@Component
public class DemoAlertRules {

    private final AlertRules rules;

    DemoAlertRules(AlertRules rules) {
        this.rules = rules;
    }

    public void seedDemoRules() {
        if (!rules.all().isEmpty()) {
            return;
        }
        rules.insert(new AlertRule(0, "医保结算失败率 > 2%", RuleKind.FAILURE_RATE, "yb", 2, 5, 20,
                AlertSeverity.CRITICAL, new Hysteresis(Duration.ofMinutes(1), Duration.ofMinutes(5), 1.0), true,
                null, List.of()));
        rules.insert(new AlertRule(0, "LIS 报告查询 P95 > 500 ms", RuleKind.P95_LATENCY, "lis", 500, 5, 20,
                AlertSeverity.WARNING, new Hysteresis(Duration.ofMinutes(2), Duration.ofMinutes(5), 400.0), true,
                null, List.of()));
        rules.insert(new AlertRule(0, "服务熔断", RuleKind.CIRCUIT_OPEN, null, 0, 1, 0, AlertSeverity.CRITICAL,
                new Hysteresis(Duration.ZERO, Duration.ofMinutes(1), null), true, null, List.of()));
        rules.insert(new AlertRule(0, "网关节点失联", RuleKind.NODE_SILENT, null, 0, 1, 0, AlertSeverity.CRITICAL,
                new Hysteresis(Duration.ZERO, Duration.ofMinutes(1), null), true, null, List.of()));
        // The demo EMR refuses now and then: its breaker opens and its queue grows for a while, so these show.
        rules.insert(new AlertRule(0, "集成目标熔断", RuleKind.CHANNEL_BREAKER_OPEN, null, 0, 1, 0,
                AlertSeverity.WARNING, new Hysteresis(Duration.ZERO, Duration.ofMinutes(1), null), true, null,
                List.of()));
        rules.insert(new AlertRule(0, "检验结果通道积压 > 100 条或 10 分钟未送达", RuleKind.CHANNEL_QUEUE, "lis-oru-emr",
                100, 1, 0, AlertSeverity.WARNING, new Hysteresis(Duration.ZERO, Duration.ofMinutes(2), null), true,
                null, List.of(), 10, null));
        rules.insert(new AlertRule(0, "入院登记通道错误率 > 20%", RuleKind.CHANNEL_ERROR_RATE, "his-adt-emr", 20, 10,
                10, AlertSeverity.WARNING, new Hysteresis(Duration.ofMinutes(1), Duration.ofMinutes(5), 10.0), true,
                null, List.of()));
        rules.insert(new AlertRule(0, "入院登记 15 分钟无消息（工作日 8:00–18:00）", RuleKind.CHANNEL_SILENT, "his-adt-emr",
                0, 15, 0, AlertSeverity.WARNING, new Hysteresis(Duration.ZERO, Duration.ofMinutes(1), null), true,
                null, List.of(), null, new ActiveHours(LocalTime.of(8, 0), LocalTime.of(18, 0), List.of(1, 2, 3, 4, 5))));
    }
}
