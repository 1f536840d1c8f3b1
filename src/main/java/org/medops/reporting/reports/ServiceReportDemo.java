package org.medops.reporting.reports;

import java.time.Clock;
import java.time.LocalDate;

import org.medops.opsdesk.HospitalZone;
import org.medops.shared.DemoData;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The demo's suggestions for the last finished quarter (whichever it is today, across a year's end too), so the demo
 * shows a complete quarterly report; the running quarter is left for the visitor to write.
 */
@Component
@ConditionalOnProperty(name = "medops.demo", havingValue = "true")
class ServiceReportDemo implements DemoData {

    static final String TEXT = """
            1. HIS 数据库 /data 分区使用率接近 90%，建议在下一个节假日前完成扩容并清理归档日志。
            2. LIS 结果回传接口本季度出现中断，建议为该接口配置熔断与重试，并纳入每日巡检。
            3. 建议对新入职护理人员补充一次 HIS 医嘱模块操作培训。""";

    private final Suggestions suggestions;
    private final HospitalZone zone;
    private final Clock clock;

    ServiceReportDemo(Suggestions suggestions, HospitalZone zone, Clock clock) {
        this.suggestions = suggestions;
        this.zone = zone;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "service report suggestions";
    }

    @Override
    public void seed() {
        ReportPeriod last = ReportPeriod.quarterOf(LocalDate.now(clock.withZone(zone.get()))).previous();
        suggestions.save(last, TEXT, 0, "demo", clock.instant()); // refused when there are some already
    }
}
