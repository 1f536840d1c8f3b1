package org.medops.reporting.contracts;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.medops.reporting.Quarter;
import org.medops.settings.Settings;
import org.medops.shared.DemoData;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo mode: a service contract whose year began with the third quarter before today's, so three whole quarters
 * lie behind it on any date; seed 001's items and bands; seed 004's 50 % / 30 % / 20 % milestones, the first
 * invoiced and paid.
 */
@Component
@Order(60)
@ConditionalOnProperty(name = "medops.demo", havingValue = "true")
class ContractsDemo implements DemoData {

    private final ServiceContracts contracts;
    private final Contracts store;
    private final Settings settings;
    private final Clock clock;

    ContractsDemo(ServiceContracts contracts, Contracts store, Settings settings, Clock clock) {
        this.contracts = contracts;
        this.store = store;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "reporting contract";
    }

    @Override
    @Transactional
    public void seed() {
        if (!contracts.all().isEmpty()) {
            return;
        }
        LocalDate today = LocalDate.now(clock.withZone(settings.current().zone()));
        LocalDate start = Quarter.of(today).previous().previous().previous().first();
        LocalDate end = start.plusYears(1).minusDays(1);
        Contract contract = contracts.create(new ContractRequests.NewContract(start.getYear(),
                "HIS 及配套系统运维服务合同", "示例信息技术有限公司", start, end, new BigDecimal("1200000.00"), null, null, null,
                List.of(new ContractRequests.NewMilestone("首期款（服务满半年）", null, 50, new BigDecimal("50"),
                                "半年运维记录、前两季度服务考核表、季度服务报告", false),
                        new ContractRequests.NewMilestone("二期款（服务期满）", null, 100, new BigDecimal("30"),
                                "全年运维记录、年度运维服务报告", false),
                        new ContractRequests.NewMilestone("尾款（验收后）", end.plusDays(30), null, new BigDecimal("20"),
                                "验收报告、四个季度服务考核表（按年度均分扣款）", true))));
        Milestone first = contracts.milestones(contract.id()).get(0);
        LocalDate due = first.due(contract);
        if (!due.isAfter(today.minusDays(20))) {
            store.invoice(first.id(), due.plusDays(5));
            store.paid(first.id(), due.plusDays(19), first.amount(contract.fee()));
        }
    }
}
