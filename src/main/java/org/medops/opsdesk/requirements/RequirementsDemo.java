package org.medops.opsdesk.requirements;

import org.medops.opsdesk.DemoDays;
import org.medops.opsdesk.HospitalZone;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import org.medops.shared.DemoData;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A realistic quarter of requirements for demo mode, built through the domain's own steps with back-dated times;
 * the vendor is the demo account {@code engineer}, the hospital {@code reviewer}.
 */
@Component
@Order(30)
@ConditionalOnProperty(name = "medops.demo", havingValue = "true")
class RequirementsDemo implements DemoData {

    private static final String ENGINEER = "engineer";
    private static final String REVIEWER = "reviewer";

    private final Requirements requirements;
    private final AllowanceSettings allowance;
    private final HospitalZone zone;
    private final Clock clock;

    RequirementsDemo(Requirements requirements, AllowanceSettings allowance, HospitalZone zone, Clock clock) {
        this.requirements = requirements;
        this.allowance = allowance;
        this.zone = zone;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "ops desk requirements";
    }

    /** Seeds only while the table is empty, so restarts add nothing. */
    @Override
    @Transactional
    public void seed() {
        if (!requirements.isEmpty()) {
            return;
        }
        seedRequirements();
    }

    private void seedRequirements() {
        Requirement allergy = submit("门诊医生站开药时弹出过敏史提醒", "开具处方时，如患者有药物过敏史，弹窗提示并要求医生确认。", "EMR",
                "门诊部 刘主任", "内线 8021", 84);
        allergy = step(allergy, allergy.startAnalysis(), ENGINEER, days().at(83, 10), "评估改动范围");
        allergy = accept(allergy, "可在现有处方校验流程中实现，预计 2 人天。", "2", 82);
        allergy = step(allergy, allergy.schedule(days().ago(78)), ENGINEER, days().at(81, 16), null);
        allergy = step(allergy, allergy.deliver("处方保存前校验过敏史并弹窗，已在门诊 3 个科室试用。", ENGINEER, days().at(77, 20)),
                ENGINEER, days().at(77, 20), "随 HIS 5.3.2 补丁发布");
        step(allergy, allergy.verify("门诊试用一周无问题，验证通过。", REVIEWER, days().at(70, 9)), REVIEWER, days().at(70, 9),
                "门诊试用一周无问题，验证通过。");

        Requirement critical = submit("检验危急值增加短信通知主管医生", "危急值出现后 5 分钟内未处理的，短信通知主管医生。", "LIS",
                "检验科 周护士长", "13800000021", 40);
        critical = step(critical, critical.startAnalysis(), ENGINEER, days().at(39, 11), null);
        critical = accept(critical, "通过平台短信接口实现，预计 1.5 人天。", "1.5", 38);
        critical = step(critical, critical.schedule(days().ago(30)), ENGINEER, days().at(37, 15), null);
        step(critical, critical.deliver("危急值超时未处理短信提醒已上线，短信模板经检验科确认。", ENGINEER, days().at(6, 21)),
                ENGINEER, days().at(6, 21), null);

        Requirement insurance = submit("医保结算清单导出增加病种分值字段", "DIP 付费改革后，结算清单导出需增加病种分值和分值单价。", "YB",
                "医保办 孙科长", "内线 8102", 20);
        insurance = step(insurance, insurance.startAnalysis(), ENGINEER, days().at(19, 10), null);
        insurance = accept(insurance, "导出模板调整即可，预计 2 人天。", "2", 18);
        step(insurance, insurance.schedule(days().ago(-3)), ENGINEER, days().at(17, 14), "排在下周的维护窗口发布");

        Requirement pacs = submit("PACS 影像调阅按科室授权", "住院医生只能调阅本科室患者的影像，会诊时临时授权。", "PACS",
                "医务科 吴科长", "内线 8003", 5);
        step(pacs, pacs.startAnalysis(), ENGINEER, days().at(4, 9), "需要与 PACS 厂商确认接口");

        Requirement redesign = submit("挂号界面整体改版", "希望参照某三甲医院重新设计挂号界面。", "HIS", "门诊部 刘主任", "内线 8021", 30);
        redesign = step(redesign, redesign.startAnalysis(), ENGINEER, days().at(29, 10), null);
        step(redesign, redesign.reject("属于新功能开发，超出运维合同范围，建议按项目立项。", ENGINEER, days().at(28, 16)), ENGINEER,
                days().at(28, 16), "属于新功能开发，超出运维合同范围，建议按项目立项。");

        submit("护理记录单模板增加跌倒风险评分", "护理记录单增加 Morse 跌倒风险评分项目。", "CIS", "护理部 郑主任", "内线 8210", 1);
    }

    private Requirement submit(String title, String description, String system, String submitter, String contact,
                               int daysAgo) {
        Instant at = days().at(daysAgo, 9);
        Requirement submitted = Requirement.submit(new NewRequirement(title, description, system, submitter, contact),
                REVIEWER, at);
        long id = requirements.insert(submitted);
        requirements.step(id, at, REVIEWER, null, RequirementStatus.SUBMITTED, null);
        return requirements.find(id).orElseThrow();
    }

    private Requirement accept(Requirement r, String answer, String personDays, int daysAgo) {
        LocalDate day = days().ago(daysAgo);
        Requirement accepted = r.accept(answer, new BigDecimal(personDays), null, ENGINEER, days().at(daysAgo, 15), day,
                Allowance.contractYear(day, allowance.yearStartsInMonth()));
        return step(r, accepted, ENGINEER, days().at(daysAgo, 15), answer);
    }

    private Requirement step(Requirement before, Requirement after, String by, Instant at, String note) {
        requirements.update(after);
        requirements.step(after.id(), at, by, before.status(), after.status(), note);
        return after;
    }

    /** Days counted back from the moment of seeding, in the zone the records are shown in. */
    private DemoDays days() {
        return new DemoDays(clock, zone.get());
    }
}
