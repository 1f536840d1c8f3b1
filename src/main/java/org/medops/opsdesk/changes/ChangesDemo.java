package org.medops.opsdesk.changes;

import org.medops.opsdesk.DemoDays;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;

import org.medops.shared.DemoData;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A realistic quarter of changes for demo mode: done, rolled back, authorized, requested and cancelled, planned in
 * the maintenance window of its zone. No ticket links: the tickets they would point at are not part of this seed.
 */
@Component
@Order(30)
@ConditionalOnProperty(name = "medops.demo", havingValue = "true")
class ChangesDemo implements DemoData {

    private static final String ENGINEER = "engineer";
    private static final String REVIEWER = "reviewer";

    private final Changes changes;
    private final MaintenanceWindowSettings window;
    private final Clock clock;

    ChangesDemo(Changes changes, MaintenanceWindowSettings window, Clock clock) {
        this.changes = changes;
        this.window = window;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "ops desk changes";
    }

    /** Seeds only while the table is empty, so restarts add nothing. */
    @Override
    @Transactional
    public void seed() {
        if (!changes.isEmpty()) {
            return;
        }
        seedChanges();
    }

    private void seedChanges() {
        Change patch = change("HIS 5.3.2 补丁升级", "HIS", ChangeEnvironment.PRODUCTION, ChangeRisk.HIGH, 21, 22, 30, 120);
        patch = save(patch.authorize(REVIEWER, "信息科审核人 陈刚", "已审阅实施与回退方案，同意在维护窗口实施。", days().at(23, 16)));
        patch = save(patch.start(days().at(21, LocalTime.of(22, 32))));
        save(patch.finish(ChangeResult.SUCCESS, "补丁升级完成，门诊、住院业务验证正常。", days().at(21, LocalTime.of(23, 58))));

        Change lisDb = change("LIS 数据库参数调整", "LIS", ChangeEnvironment.PRODUCTION, ChangeRisk.MEDIUM, 45, 23, 0, 90);
        lisDb = save(lisDb.authorize(REVIEWER, "信息科审核人 陈刚", "同意。", days().at(46, 10)));
        lisDb = save(lisDb.start(days().at(45, LocalTime.of(23, 5))));
        save(lisDb.finish(ChangeResult.ROLLED_BACK, "调整后报告查询变慢，按回退方案恢复原参数。", days().at(45, LocalTime.of(23, 50))));

        Change gateway = change("外联平台证书更新", "GATEWAY", ChangeEnvironment.PRODUCTION, ChangeRisk.LOW, -1, 23, 0, 60);
        save(gateway.authorize(REVIEWER, "信息科审核人 陈刚", "同意在计划时间内更新证书。", days().at(1, 11)));

        change("PACS 存储扩容", "PACS", ChangeEnvironment.PRODUCTION, ChangeRisk.HIGH, -3, 22, 0, 240);

        Change test = change("EMR 6.3 测试环境部署", "EMR", ChangeEnvironment.TEST, ChangeRisk.LOW, 2, 14, 0, 120);
        save(test.cancel(ENGINEER, "研发推迟发布 6.3 测试版", days().at(3, 9)));
    }

    /** A change requested by the engineer three days before it is planned; negative days lie ahead. */
    private Change change(String title, String system, ChangeEnvironment environment, ChangeRisk risk, int daysAgo,
                          int hour, int minute, int minutes) {
        Instant start = days().at(daysAgo, LocalTime.of(hour, minute));
        NewChange plan = new NewChange(title, system, environment, risk,
                "1. 备份相关数据与配置\n2. 按实施手册执行\n3. 业务科室配合验证", "按备份恢复至变更前版本，恢复后通知业务科室验证。", start,
                start.plusSeconds(minutes * 60L));
        long id = changes.insert(Change.request(plan, ENGINEER, days().at(daysAgo + 3, 10)));
        return changes.find(id).orElseThrow();
    }

    private Change save(Change change) {
        changes.update(change);
        return change;
    }

    /** Days counted back from the moment of seeding, in the zone the records are shown in. */
    private DemoDays days() {
        return new DemoDays(clock, window.zone());
    }
}
