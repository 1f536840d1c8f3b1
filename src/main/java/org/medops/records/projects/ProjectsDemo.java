package org.medops.records.projects;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.medops.shared.DemoData;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Two optimisation projects counted back from today in working days, so every date (a weekend, a holiday week, a
 * year's end) gives the same picture: one whose plan came two working days late and whose delivery is under way, and
 * one whose plan is overdue now (on the workbench). Seeded once, by name.
 */
@Component
@ConditionalOnExpression("${medops.demo:false}")
class ProjectsDemo implements DemoData {

    static final String DELIVERING = "HIS 与 LIS 检验结果同步优化";
    static final String OVERDUE = "EMR 调阅 PACS 影像接口提速";
    private static final String ENGINEER = "engineer";
    private static final String REVIEWER = "reviewer";

    private final Projects projects;
    private final ProjectDesk desk;
    private final ProjectRules rules;

    private final org.medops.records.RecordPdf pdf;

    ProjectsDemo(Projects projects, ProjectDesk desk, ProjectRules rules, org.medops.records.RecordPdf pdf) {
        this.pdf = pdf;
        this.projects = projects;
        this.desk = desk;
        this.rules = rules;
    }

    @Override
    public String name() {
        return "records projects";
    }

    @Override
    @Transactional
    public void seed() {
        List<String> existing = projects.rows(new Projects.Filter(null, false, desk.today()),
                new org.medops.shared.ListRequest.Sort("name", true), 0, 1000).stream().map(Projects.Row::name).toList();
        WorkingDays days = desk.days();
        LocalDate today = desk.today();
        if (!existing.contains(DELIVERING)) {
            LocalDate start = back(days, today, 15);
            Project p = projects.insert(Project.plan(DELIVERING, List.of("HIS", "LIS"), new BigDecimal("180000.00"), start,
                    List.of("门诊检验申请下达", "检验结果回传 HIS", "危急值推送", "报告撤回与重发"), List.of(),
                    start.atStartOfDay(desk.zoneId()).toInstant(), ENGINEER, days, rules));
            LocalDate research = p.milestone(MilestoneCode.RESEARCH_REPORT).due();
            p = p.complete(MilestoneCode.RESEARCH_REPORT, research, ENGINEER, text("需求调研分析报告.txt",
                    "需求调研分析报告\n范围：HIS 与 LIS 检验申请、结果回传接口。\n现状：结果回传平均 4.2 秒，高峰排队。"), List.of(),
                    today, days, rules);
            LocalDate plan = days.after(p.milestone(MilestoneCode.PLAN).due(), 2);
            p = p.complete(MilestoneCode.PLAN, plan, ENGINEER, text("集成优化方案.txt",
                    "集成优化方案\n目标：结果回传 ≤ 0.5 秒。\n路线：消息队列异步回传，失败重试。\n风险预案：回退到原同步接口。"),
                    List.of(), today, days, rules);
            p = p.complete(MilestoneCode.CONFIRMATION, days.after(plan, 1), REVIEWER, text("方案确认函.txt",
                    "院方书面确认：同意按《集成优化方案》实施。信息科 陈刚"), List.of(), today, days, rules);
            projects.save(p);
        }
        if (!existing.contains(OVERDUE)) {
            LocalDate start = back(days, today, 10);
            Project p = projects.insert(Project.plan(OVERDUE, List.of("EMR", "PACS"), new BigDecimal("96000.00"), start,
                    List.of("病历内调阅检查影像", "影像报告同步"), List.of(), start.atStartOfDay(desk.zoneId()).toInstant(),
                    ENGINEER, days, rules));
            p = p.complete(MilestoneCode.RESEARCH_REPORT, p.milestone(MilestoneCode.RESEARCH_REPORT).due(), ENGINEER,
                    text("调研报告.txt", "需求调研分析报告\nEMR 调阅 PACS 影像首帧 6 秒，目标 2 秒。"), List.of(), today,
                    days, rules);
            projects.save(p);
        }
    }

    /** The working day {@code n} working days before today. */
    private static LocalDate back(WorkingDays days, LocalDate today, int n) {
        LocalDate date = today;
        for (int i = 0; i < n; i++) {
            date = days.before(date);
        }
        return date;
    }

    /** The milestone's document as the PDF a vendor hands in (the text file where no CJK font exists). */
    private Milestone.Document text(String name, String content) {
        org.medops.records.RecordPdf.File file = pdf.file(name, content);
        return new Milestone.Document(file.name(), file.contentType(), file.content());
    }
}
