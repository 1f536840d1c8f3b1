package org.medops.reporting.facts;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import org.medops.reporting.Quarter;
import org.medops.settings.Settings;
import org.medops.shared.DemoData;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo mode: the three quarters before today's get calls (some unanswered, one logged by the hospital), a visit and
 * a training each, a complaint with its evidence, and data extractions — one confirmed accurate, one below 98 %.
 * Every date is a day offset inside its quarter (at most day 80), so it holds whatever today is.
 */
@Component
@Order(61)
@ConditionalOnProperty(name = "medops.demo", havingValue = "true")
class FactsDemo implements DemoData {

    private static final String ENGINEER = "engineer";
    private static final String REVIEWER = "reviewer";

    private final Calls calls;
    private final Visits visits;
    private final Trainings trainings;
    private final Incidents incidents;
    private final Extractions extractions;
    private final Settings settings;
    private final Clock clock;

    FactsDemo(Calls calls, Visits visits, Trainings trainings, Incidents incidents, Extractions extractions,
              Settings settings, Clock clock) {
        this.calls = calls;
        this.visits = visits;
        this.trainings = trainings;
        this.incidents = incidents;
        this.extractions = extractions;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "reporting service facts";
    }

    @Override
    @Transactional
    public void seed() {
        if (!calls.isEmpty()) {
            return;
        }
        ZoneId zone = settings.current().zone();
        Quarter current = Quarter.of(LocalDate.now(clock.withZone(zone)));
        Quarter third = current.previous().previous().previous();
        Quarter second = current.previous().previous();
        Quarter last = current.previous();

        call(third, 5, 9, "门诊药房 王护士", "门诊药房", CallChannel.PHONE, true, "处方无法发药，已远程处理");
        call(third, 33, 14, "检验科 李老师", "检验科", CallChannel.WECHAT, true, "LIS 打印机脱机");
        call(third, 61, 21, "急诊科 夜班", "急诊科", CallChannel.PHONE, false, "夜间值班电话无人接听");
        call(second, 8, 10, "住院部 护士站", "住院部", CallChannel.PHONE, true, "医嘱执行单打印异常");
        call(second, 27, 22, "放射科 值班", "放射科", CallChannel.PHONE, false, "夜间 PACS 无法调阅，电话无人接听");
        hospitalCall(second, 52, 12, "信息科 张科长", "信息科", "午间抽查值班电话无人接听");
        call(second, 70, 16, "收费处", "收费处", CallChannel.WALK_IN, true, "医保结算报错");
        call(last, 12, 9, "心内科 导管室", "心内科", CallChannel.PHONE, true, "导管室影像上传缓慢");
        call(last, 40, 15, "药剂科", "药剂科", CallChannel.WECHAT, true, "药品字典同步");
        call(last, 75, 11, "体检中心", "体检中心", CallChannel.PHONE, true, "体检报告打印");

        visit(third, 20, "厂商项目经理", "门诊部", "门诊挂号收费运行平稳，高峰期偶有排队", 5, null);
        visit(second, 45, "厂商项目经理", "检验科", "报告重复推送已修复，希望缩短夜间响应时间", 4, "夜间增加远程值守一人");
        visit(last, 30, "厂商项目经理", "住院部", "护士站打印问题已解决", 5, null);

        training(third, 25, "HIS 门诊医生站新版本操作", "门诊医生", "2", 46, "操作手册 v5.3、培训视频");
        training(second, 38, "医保结算异常处理", "收费处、医保办", "1.5", 18, "医保结算异常处置流程");
        training(last, 50, "信息安全与数据保护意识", "全院信息联络员", "2", 62, "课件《医疗数据安全》");

        LocalDate complaint = day(second, 28);
        long incident = incidents.insert(new FactRequests.NewIncident(complaint, IncidentKind.COMPLAINT, "放射科",
                "夜间 PACS 故障电话无人接听，科室书面投诉", null), REVIEWER, at(complaint, 9));
        incidents.attach(incident, "放射科投诉记录.txt", "text/plain; charset=UTF-8",
                "放射科投诉：夜间 22:10 PACS 无法调阅，拨打服务电话无人接听，影响急诊阅片。".getBytes(StandardCharsets.UTF_8),
                REVIEWER, at(complaint, 10));

        extraction(last, 18, "医务科 陈主任", "医务科", "上季度各科室出院人数与平均住院日", new BigDecimal("100"), true);
        extraction(last, 55, "财务科 刘会计", "财务科", "门诊收入按科室与支付方式统计", new BigDecimal("96.5"), false);
    }

    private void call(Quarter q, int dayOffset, int hour, String caller, String department, CallChannel channel,
                      boolean answered, String summary) {
        Instant at = at(day(q, dayOffset), hour);
        calls.insert(new FactRequests.NewCall(at, caller, department, channel, answered, null, summary), at, false,
                ENGINEER, at);
    }

    private void hospitalCall(Quarter q, int dayOffset, int hour, String caller, String department, String summary) {
        Instant at = at(day(q, dayOffset), hour);
        calls.insert(new FactRequests.NewCall(at, caller, department, CallChannel.PHONE, false, null, summary), at, true,
                REVIEWER, at);
    }

    private void visit(Quarter q, int dayOffset, String visitor, String department, String findings, int satisfaction,
                       String followUp) {
        LocalDate on = day(q, dayOffset);
        visits.insert(new FactRequests.NewVisit(on, visitor, department, findings, satisfaction, followUp), ENGINEER,
                at(on, 17));
    }

    private void training(Quarter q, int dayOffset, String topic, String audience, String hours, int attendees,
                          String materials) {
        LocalDate on = day(q, dayOffset);
        trainings.insert(new FactRequests.NewTraining(on, topic, audience, new BigDecimal(hours), attendees, materials),
                ENGINEER, at(on, 18));
    }

    private void extraction(Quarter q, int dayOffset, String requester, String department, String subject,
                            BigDecimal accuracy, boolean accurate) {
        LocalDate on = day(q, dayOffset);
        long id = extractions.insert(new FactRequests.NewExtraction(requester, department, subject, on.plusDays(3)),
                at(on, 9), ENGINEER);
        extractions.deliver(id, "extraction-" + id + ".csv", "text/plain; charset=UTF-8",
                ("科室,数值\n心内科,128\n").getBytes(StandardCharsets.UTF_8), at(on.plusDays(2), 16));
        extractions.confirm(id, accuracy, accurate, requester, at(on.plusDays(4), 11));
    }

    private static LocalDate day(Quarter q, int offset) {
        return q.first().plusDays(offset);
    }

    private Instant at(LocalDate day, int hour) {
        return day.atTime(LocalTime.of(hour, 0)).atZone(settings.current().zone()).toInstant();
    }
}
