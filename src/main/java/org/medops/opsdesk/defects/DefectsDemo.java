package org.medops.opsdesk.defects;

import org.medops.opsdesk.DemoDays;
import org.medops.opsdesk.HospitalZone;

import java.time.Instant;
import java.time.Clock;
import java.util.List;

import org.medops.shared.DemoData;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A realistic quarter of defects for demo mode, each moved through its statuses at back-dated times with notes.
 */
@Component
@Order(30)
@ConditionalOnProperty(name = "medops.demo", havingValue = "true")
class DefectsDemo implements DemoData {

    private static final String ENGINEER = "engineer";

    private final Defects defects;
    private final HospitalZone zone;
    private final Clock clock;

    DefectsDemo(Defects defects, HospitalZone zone, Clock clock) {
        this.defects = defects;
        this.zone = zone;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "ops desk defects";
    }

    /** Seeds only while the table is empty, so restarts add nothing. */
    @Override
    @Transactional
    public void seed() {
        if (!defects.isEmpty()) {
            return;
        }
        seedDefects();
    }

    private void seedDefects() {
        long lis = defect("检验报告偶发重复推送到医生站", "同一份报告在 HIS 医生站出现两次，疑似消息重发未去重。", "LIS",
                DefectSeverity.MAJOR, "LIS 检验信息系统", "4.8.1", 75);
        progress(lis, DefectStatus.ACKNOWLEDGED, null, "研发已复现，消息确认机制缺陷", 74);
        progress(lis, DefectStatus.FIXING, null, null, 70);
        progress(lis, DefectStatus.FIXED, "4.8.3", "增加报告号幂等校验", 55);
        progress(lis, DefectStatus.VERIFIED, null, "测试环境回放一周消息未再重复", 50);
        progress(lis, DefectStatus.CLOSED, null, null, 48);

        long emr = defect("病历打印分页时表格跨页错位", "出院小结中的检验结果表格在跨页时表头丢失。", "EMR",
                DefectSeverity.MINOR, "EMR 电子病历", "6.2.0", 60);
        progress(emr, DefectStatus.ACKNOWLEDGED, null, null, 58);
        progress(emr, DefectStatus.FIXING, null, "排入 6.3 版本", 40);

        long his = defect("夜间批量结算偶发超时", "每日 23:30 的住院批量结算偶发超时，需人工重跑。", "HIS",
                DefectSeverity.CRITICAL, "HIS 医院信息系统", "5.3.1", 35);
        progress(his, DefectStatus.ACKNOWLEDGED, null, "研发定位为结算存储过程锁等待", 34);
        progress(his, DefectStatus.FIXING, null, null, 33);
        progress(his, DefectStatus.FIXED, "5.3.2", "拆分批量事务", 20);

        long pacs = defect("影像调阅在 Chrome 新版本下白屏", "Chrome 130 以上版本打开 Web 阅片页面白屏。", "PACS",
                DefectSeverity.MAJOR, "PACS 影像归档与通信系统", "3.1.7", 12);
        progress(pacs, DefectStatus.ACKNOWLEDGED, null, "厂商已确认，等待补丁", 10);

        defect("医保目录对照导入时空格未去除", "目录编码尾部有空格时对照失败。", "YB", DefectSeverity.MINOR, "医保接口", "2.4.0", 3);
    }

    private long defect(String title, String description, String system, DefectSeverity severity, String product,
                        String version, int daysAgo) {
        Instant at = days().at(daysAgo, 10);
        long id = defects.insert(Defect.report(new NewDefect(title, description, system, severity, product, version,
                List.of()), ENGINEER, at));
        defects.note(id, at, ENGINEER, null, DefectStatus.OPEN, null);
        return id;
    }

    private void progress(long id, DefectStatus target, String version, String note, int daysAgo) {
        Instant at = days().at(daysAgo, 14);
        Defect before = defects.find(id).orElseThrow();
        Defect after = before.moveTo(target, version, note, at);
        defects.update(after);
        defects.note(id, at, ENGINEER, before.status(), after.status(), note);
    }

    /** Days counted back from the moment of seeding, in the zone the records are shown in. */
    private DemoDays days() {
        return new DemoDays(clock, zone.get());
    }
}
