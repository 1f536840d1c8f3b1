package org.medops.opsdesk;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.medops.shared.DemoData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A realistic quarter of requirements, defects and changes for demo mode, spread over the last three months
 * and built through the domain's own steps with back-dated times. Seeds each kind only while its table is
 * empty, so restarts add nothing. Uses the demo accounts {@code engineer} (vendor) and {@code reviewer}
 * (hospital). No ticket links: the tickets they would point at are not part of this seed.
 */
@Component
@Order(30)
@ConditionalOnProperty(name = "medops.demo", havingValue = "true")
class OpsdeskWorkDemo implements DemoData {

    private static final String ENGINEER = "engineer";
    private static final String REVIEWER = "reviewer";

    private final Requirements requirements;
    private final Defects defects;
    private final Changes changes;
    private final AllowanceSettings allowance;
    private final MaintenanceWindowSettings window;
    private final JdbcClient jdbc;
    private final Clock clock;

    OpsdeskWorkDemo(Requirements requirements, Defects defects, Changes changes, AllowanceSettings allowance,
                    MaintenanceWindowSettings window, JdbcClient jdbc, Clock clock) {
        this.requirements = requirements;
        this.defects = defects;
        this.changes = changes;
        this.allowance = allowance;
        this.window = window;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** On application start rather than with the gateway, so a console-only node shows the desk's work too. */
    @Override
    public String name() {
        return "ops desk requirements, defects and changes";
    }

    @Override
    @Transactional
    public void seed() {
        if (empty("opsdesk_requirements")) {
            seedRequirements();
        }
        if (empty("opsdesk_defects")) {
            seedDefects();
        }
        if (empty("opsdesk_changes")) {
            seedChanges();
        }
    }

    private void seedRequirements() {
        Requirement allergy = submit("门诊医生站开药时弹出过敏史提醒", "开具处方时，如患者有药物过敏史，弹窗提示并要求医生确认。", "EMR",
                "门诊部 刘主任", "内线 8021", 84);
        allergy = step(allergy, allergy.startAnalysis(), ENGINEER, daysAgo(83, 10), "评估改动范围");
        allergy = accept(allergy, "可在现有处方校验流程中实现，预计 2 人天。", "2", 82);
        allergy = step(allergy, allergy.schedule(dayAgo(78)), ENGINEER, daysAgo(81, 16), null);
        allergy = step(allergy, allergy.deliver("处方保存前校验过敏史并弹窗，已在门诊 3 个科室试用。", ENGINEER, daysAgo(77, 20)),
                ENGINEER, daysAgo(77, 20), "随 HIS 5.3.2 补丁发布");
        step(allergy, allergy.verify("门诊试用一周无问题，验证通过。", REVIEWER, daysAgo(70, 9)), REVIEWER, daysAgo(70, 9),
                "门诊试用一周无问题，验证通过。");

        Requirement critical = submit("检验危急值增加短信通知主管医生", "危急值出现后 5 分钟内未处理的，短信通知主管医生。", "LIS",
                "检验科 周护士长", "13800000021", 40);
        critical = step(critical, critical.startAnalysis(), ENGINEER, daysAgo(39, 11), null);
        critical = accept(critical, "通过平台短信接口实现，预计 1.5 人天。", "1.5", 38);
        critical = step(critical, critical.schedule(dayAgo(30)), ENGINEER, daysAgo(37, 15), null);
        step(critical, critical.deliver("危急值超时未处理短信提醒已上线，短信模板经检验科确认。", ENGINEER, daysAgo(6, 21)),
                ENGINEER, daysAgo(6, 21), null);

        Requirement insurance = submit("医保结算清单导出增加病种分值字段", "DIP 付费改革后，结算清单导出需增加病种分值和分值单价。", "YB",
                "医保办 孙科长", "内线 8102", 20);
        insurance = step(insurance, insurance.startAnalysis(), ENGINEER, daysAgo(19, 10), null);
        insurance = accept(insurance, "导出模板调整即可，预计 2 人天。", "2", 18);
        step(insurance, insurance.schedule(dayAgo(-3)), ENGINEER, daysAgo(17, 14), "排在下周的维护窗口发布");

        Requirement pacs = submit("PACS 影像调阅按科室授权", "住院医生只能调阅本科室患者的影像，会诊时临时授权。", "PACS",
                "医务科 吴科长", "内线 8003", 5);
        step(pacs, pacs.startAnalysis(), ENGINEER, daysAgo(4, 9), "需要与 PACS 厂商确认接口");

        Requirement redesign = submit("挂号界面整体改版", "希望参照某三甲医院重新设计挂号界面。", "HIS", "门诊部 刘主任", "内线 8021", 30);
        redesign = step(redesign, redesign.startAnalysis(), ENGINEER, daysAgo(29, 10), null);
        step(redesign, redesign.reject("属于新功能开发，超出运维合同范围，建议按项目立项。", ENGINEER, daysAgo(28, 16)), ENGINEER,
                daysAgo(28, 16), "属于新功能开发，超出运维合同范围，建议按项目立项。");

        submit("护理记录单模板增加跌倒风险评分", "护理记录单增加 Morse 跌倒风险评分项目。", "CIS", "护理部 郑主任", "内线 8210", 1);
    }

    private Requirement submit(String title, String description, String system, String submitter, String contact,
                               int daysAgo) {
        Instant at = daysAgo(daysAgo, 9);
        Requirement submitted = Requirement.submit(new NewRequirement(title, description, system, submitter, contact),
                REVIEWER, at);
        long id = requirements.insert(submitted);
        requirements.step(id, at, REVIEWER, null, RequirementStatus.SUBMITTED, null);
        return requirements.find(id).orElseThrow();
    }

    private Requirement accept(Requirement r, String answer, String days, int daysAgo) {
        LocalDate day = dayAgo(daysAgo);
        Requirement accepted = r.accept(answer, new BigDecimal(days), null, ENGINEER, daysAgo(daysAgo, 15), day,
                Allowance.contractYear(day, allowance.yearStartsInMonth()));
        return step(r, accepted, ENGINEER, daysAgo(daysAgo, 15), answer);
    }

    private Requirement step(Requirement before, Requirement after, String by, Instant at, String note) {
        requirements.update(after);
        requirements.step(after.id(), at, by, before.status(), after.status(), note);
        return after;
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
        Instant at = daysAgo(daysAgo, 10);
        long id = defects.insert(Defect.report(new NewDefect(title, description, system, severity, product, version,
                List.of()), ENGINEER, at));
        defects.note(id, at, ENGINEER, null, DefectStatus.OPEN, null);
        return id;
    }

    private void progress(long id, DefectStatus target, String version, String note, int daysAgo) {
        Instant at = daysAgo(daysAgo, 14);
        Defect before = defects.find(id).orElseThrow();
        Defect after = before.moveTo(target, version, note, at);
        defects.update(after);
        defects.note(id, at, ENGINEER, before.status(), after.status(), note);
    }

    private void seedChanges() {
        Change patch = change("HIS 5.3.2 补丁升级", "HIS", ChangeEnvironment.PRODUCTION, ChangeRisk.HIGH, 21, 22, 30, 120);
        patch = save(patch.authorize(REVIEWER, "信息科审核人 陈刚", "已审阅实施与回退方案，同意在维护窗口实施。", daysAgo(23, 16)));
        patch = save(patch.start(at(21, LocalTime.of(22, 32))));
        save(patch.finish(ChangeResult.SUCCESS, "补丁升级完成，门诊、住院业务验证正常。", at(21, LocalTime.of(23, 58))));

        Change lisDb = change("LIS 数据库参数调整", "LIS", ChangeEnvironment.PRODUCTION, ChangeRisk.MEDIUM, 45, 23, 0, 90);
        lisDb = save(lisDb.authorize(REVIEWER, "信息科审核人 陈刚", "同意。", daysAgo(46, 10)));
        lisDb = save(lisDb.start(at(45, LocalTime.of(23, 5))));
        save(lisDb.finish(ChangeResult.ROLLED_BACK, "调整后报告查询变慢，按回退方案恢复原参数。", at(45, LocalTime.of(23, 50))));

        Change gateway = change("外联平台证书更新", "GATEWAY", ChangeEnvironment.PRODUCTION, ChangeRisk.LOW, -1, 23, 0, 60);
        save(gateway.authorize(REVIEWER, "信息科审核人 陈刚", "同意在计划时间内更新证书。", daysAgo(1, 11)));

        change("PACS 存储扩容", "PACS", ChangeEnvironment.PRODUCTION, ChangeRisk.HIGH, -3, 22, 0, 240);

        Change test = change("EMR 6.3 测试环境部署", "EMR", ChangeEnvironment.TEST, ChangeRisk.LOW, 2, 14, 0, 120);
        save(test.cancel(ENGINEER, "研发推迟发布 6.3 测试版", daysAgo(3, 9)));
    }

    /** A change requested by the engineer three days before it is planned; negative days lie ahead. */
    private Change change(String title, String system, ChangeEnvironment environment, ChangeRisk risk, int daysAgo,
                          int hour, int minute, int minutes) {
        Instant start = at(daysAgo, LocalTime.of(hour, minute));
        NewChange plan = new NewChange(title, system, environment, risk,
                "1. 备份相关数据与配置\n2. 按实施手册执行\n3. 业务科室配合验证", "按备份恢复至变更前版本，恢复后通知业务科室验证。", start,
                start.plusSeconds(minutes * 60L));
        long id = changes.insert(Change.request(plan, ENGINEER, daysAgo(daysAgo + 3, 10)));
        return changes.find(id).orElseThrow();
    }

    private Change save(Change change) {
        changes.update(change);
        return change;
    }

    private boolean empty(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single() == 0;
    }

    private ZoneId zone() {
        return window.zone();
    }

    private LocalDate dayAgo(int days) {
        return LocalDate.ofInstant(clock.instant(), zone()).minusDays(days);
    }

    private Instant daysAgo(int days, int hour) {
        return at(days, LocalTime.of(hour, 0));
    }

    private Instant at(int daysAgo, LocalTime time) {
        return dayAgo(daysAgo).atTime(time).atZone(zone()).toInstant();
    }
}
