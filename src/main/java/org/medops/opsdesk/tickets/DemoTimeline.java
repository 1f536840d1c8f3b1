package org.medops.opsdesk.tickets;

import org.medops.opsdesk.Priority;
import org.medops.opsdesk.sla.SlaContext;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The demo quarter of tickets as a pure function of the moment it is generated for: the same moment always
 * gives the same tickets. Each ticket's steps are built in the order the desk allows them, every step at or
 * after the one before and none after {@code now}, so seeding can never trip a rule of {@link Ticket} on
 * any date; a ticket whose next step would lie in the future simply stays open at the step before.
 */
final class DemoTimeline {

    static final Duration QUIET_HOUR = Duration.ofHours(1);
    /** The hospital's demo reviewer: reports the faults and signs the repairs (never works them). */
    static final String REPORTER = "reviewer";
    private static final int DAYS = 90;
    /** Where the latest tickets stop: new, in progress, located, awaiting the hospital's confirmation. */
    private static final List<Class<? extends Step>> OPEN_STAGES = List.of(Accept.class, Locate.class, Fix.class,
            Confirm.class);
    /** The demo engineer, who works today's desk ({@link DemoTickets}). */
    static final String ENGINEER = "engineer";
    private static final List<String> ENGINEERS = List.of(ENGINEER, "manager");
    /**
     * Five distinct faults per system, so a new ticket on a system is usually another fault there (no recurrence);
     * {@link #RECURRING_PERCENT} of the tickets repeat a fault of the last days on purpose.
     */
    static final List<Fault> FAULTS = List.of(
            new Fault("门诊收费窗口无法打印发票", "点击打印后提示连接打印服务超时", "门诊收费处 6 个窗口", "HIS", FaultCategory.SOFTWARE),
            new Fault("检验报告无法回传 HIS", "LIS 审核后报告在医生站不可见", "住院部全部病区", "LIS", FaultCategory.INTERFACE),
            new Fault("PACS 影像调阅缓慢", "打开 CT 序列需要 40 秒以上", "放射科与临床科室", "PACS", FaultCategory.HARDWARE),
            new Fault("医保结算返回超时", "医保中心接口返回 504，患者无法结算", "门诊与住院结算", "YB", FaultCategory.INTERFACE),
            new Fault("电子病历模板丢失", "部分科室病程记录模板无法加载", "内科病区", "EMR", FaultCategory.DATA),
            new Fault("护士站网络中断", "三楼护士站电脑全部无法联网", "三楼两个病区", "NETWORK", FaultCategory.NETWORK),
            new Fault("预约挂号接口失败", "微信小程序预约提示系统繁忙", "互联网预约患者", "GATEWAY", FaultCategory.INTERFACE),
            new Fault("医嘱执行单打印错位", "执行单内容与表格错位", "外科病区", "CIS", FaultCategory.SOFTWARE),
            new Fault("住院登记保存报错", "办理入院时保存提示主键冲突", "住院处", "HIS", FaultCategory.SOFTWARE),
            new Fault("药房发药队列卡住", "门诊西药房叫号屏不再刷新", "门诊药房", "HIS", FaultCategory.SOFTWARE),
            new Fault("出院结算金额不符", "结算单药品费用与明细合计不一致", "住院结算处", "HIS", FaultCategory.DATA),
            new Fault("收费员登录被锁定", "多名收费员账号同时被锁无法登录", "门诊收费处", "HIS", FaultCategory.SECURITY),
            new Fault("生化仪结果未上传", "生化分析仪检测完成后 LIS 中无结果", "检验科生化室", "LIS", FaultCategory.INTERFACE),
            new Fault("条码打印机不出纸", "采血处条码机指示灯闪烁红色", "门诊采血处", "LIS", FaultCategory.HARDWARE),
            new Fault("危急值短信未发出", "危急值审核后临床医生未收到提醒", "全院临床科室", "LIS", FaultCategory.SOFTWARE),
            new Fault("检验项目字典错乱", "新开项目显示为旧项目名称", "检验科", "LIS", FaultCategory.DATA),
            new Fault("MR 图像无法归档", "磁共振检查完成后序列停在待传状态", "放射科磁共振室", "PACS", FaultCategory.INTERFACE),
            new Fault("阅片工作站黑屏", "二号诊断工作站显示器无信号", "放射科诊断室", "PACS", FaultCategory.HARDWARE),
            new Fault("胶片打印机报错", "自助胶片机提示介质错误", "门诊自助区", "PACS", FaultCategory.HARDWARE),
            new Fault("检查报告签名失败", "审核报告时提示证书已过期", "超声科", "PACS", FaultCategory.SECURITY),
            new Fault("医保目录下载失败", "每日目录更新任务报文件校验错误", "医保办", "YB", FaultCategory.DATA),
            new Fault("异地就医备案查询无响应", "查询备案信息时页面一直转圈", "住院结算处", "YB", FaultCategory.INTERFACE),
            new Fault("医保电子凭证扫码失败", "扫码枪读取电子凭证后提示解码错误", "门诊收费处", "YB", FaultCategory.HARDWARE),
            new Fault("医保对账差异", "日终对账中心与本地笔数相差 3 笔", "财务科", "YB", FaultCategory.DATA),
            new Fault("病历无法提交归档", "出院病历点击提交后提示质控未通过", "病案室", "EMR", FaultCategory.SOFTWARE),
            new Fault("电子签名板无响应", "医生签名时签名板没有笔迹", "骨科病区", "EMR", FaultCategory.HARDWARE),
            new Fault("病历书写时间异常", "病程记录时间显示为次日", "儿科病区", "EMR", FaultCategory.DATA),
            new Fault("会诊单无法打开", "点开会诊申请单后程序闪退", "全院临床科室", "EMR", FaultCategory.SOFTWARE),
            new Fault("门诊楼无线信号弱", "二楼候诊区平板频繁掉线", "门诊二楼", "NETWORK", FaultCategory.NETWORK),
            new Fault("核心交换机端口告警", "机房核心交换机多个端口报错包", "数据中心机房", "NETWORK", FaultCategory.HARDWARE),
            new Fault("院区专线丢包", "分院访问主院系统时延超过 300 毫秒", "东院区", "NETWORK", FaultCategory.NETWORK),
            new Fault("终端获取不到地址", "新装电脑插网线后没有分配地址", "行政楼", "NETWORK", FaultCategory.NETWORK),
            new Fault("支付回调丢失", "患者已付款但订单仍显示待支付", "互联网医院患者", "GATEWAY", FaultCategory.INTERFACE),
            new Fault("外联证书即将到期告警", "网关提示对端 TLS 证书七天后过期", "外联平台", "GATEWAY", FaultCategory.SECURITY),
            new Fault("检查预约限流误拦截", "正常预约请求返回 429", "自助机用户", "GATEWAY", FaultCategory.SOFTWARE),
            new Fault("报告查询返回乱码", "公众号查询检验报告中文显示为问号", "公众号用户", "GATEWAY", FaultCategory.INTERFACE),
            new Fault("医嘱无法停止", "护士点击停止长期医嘱后状态不变", "心内科病区", "CIS", FaultCategory.SOFTWARE),
            new Fault("皮试结果未同步", "皮试阳性结果在医嘱界面没有提示", "急诊科", "CIS", FaultCategory.INTERFACE),
            new Fault("护理评估单保存慢", "保存入院评估需要一分钟以上", "全院护理单元", "CIS", FaultCategory.SOFTWARE),
            new Fault("床位卡显示错误", "床位一览中患者姓名与床号对不上", "神经内科病区", "CIS", FaultCategory.DATA));
    /** Share of tickets that repeat, on purpose, a fault reported in the last days: the demo's recurrences. */
    static final int RECURRING_PERCENT = 5;
    // Longer than the 15 days a recurrence looks back: a late ticket closes days after it was reported.
    private static final Duration FRESH = Duration.ofDays(21);

    private DemoTimeline() {
    }

    record Fault(String title, String phenomenon, String impact, String system, FaultCategory category) {
    }

    /** When a ticket reported at {@code reportedAt} has used {@code share} of its resolution target. */
    @FunctionalInterface
    interface ResolutionTime {
        Instant at(Priority priority, Instant reportedAt, double share);
    }

    /** One demo ticket: the report and the steps it went through, in order. */
    record DemoTicket(Fault fault, Priority priority, Instant occurredAt, Instant reportedAt, String contact,
                      ReportSource source, String engineer, List<Step> steps) {

        boolean reached(Class<? extends Step> stage) {
            return steps.stream().anyMatch(stage::isInstance);
        }

        /** This ticket as it was before its first step of the given kind (new, when that is acceptance). */
        DemoTicket stoppedBefore(Class<? extends Step> stage) {
            List<Step> before = steps.stream().takeWhile(step -> !stage.isInstance(step)).toList();
            return new DemoTicket(fault, priority, occurredAt, reportedAt, contact, source, engineer, before);
        }
    }

    /** A step of the lifecycle at its own time, played through the ticket's own rules. */
    sealed interface Step {
        /** When the step was recorded. */
        Instant at();

        void applyTo(Ticket ticket, DemoTicket planned, SlaContext sla);
    }

    record Accept(Instant at) implements Step {
        @Override
        public void applyTo(Ticket ticket, DemoTicket planned, SlaContext sla) {
            ticket.accept(planned.engineer(), at, sla);
        }
    }

    record StartWork(WorkMode mode, Instant at) implements Step {
        @Override
        public void applyTo(Ticket ticket, DemoTicket planned, SlaContext sla) {
            ticket.startWork(mode, planned.engineer(), at, sla);
        }
    }

    /** On-site arrival at {@code arrival}, recorded a little later at {@code at}. */
    record Arrive(Instant arrival, Instant at) implements Step {
        @Override
        public void applyTo(Ticket ticket, DemoTicket planned, SlaContext sla) {
            ticket.arrive(arrival, planned.engineer(), at, sla);
        }
    }

    record Locate(Instant at) implements Step {
        @Override
        public void applyTo(Ticket ticket, DemoTicket planned, SlaContext sla) {
            Fault fault = planned.fault();
            ticket.locate(new LocationReport("演示：" + fault.phenomenon() + "，原因已查明", fault.impact(),
                    planned.priority().name(), "处理期间相关功能短暂不可用"), planned.engineer(), at, sla);
        }
    }

    record Fix(Instant at) implements Step {
        @Override
        public void applyTo(Ticket ticket, DemoTicket planned, SlaContext sla) {
            ticket.fix("演示：已处理并验证恢复", planned.engineer(), at, sla);
        }
    }

    record Confirm(Instant at) implements Step {
        @Override
        public void applyTo(Ticket ticket, DemoTicket planned, SlaContext sla) {
            ticket.confirm(new Ticket.Confirmation(REPORTER, "信息科审核人 陈刚", "业务已恢复，确认修复。", at), sla);
        }
    }

    /** The last quarter of tickets up to {@code now}, days counted in {@code zone}. */
    static List<DemoTicket> quarter(Instant now, ZoneId zone, ResolutionTime resolution) {
        Random random = new Random(2026);
        LocalDate today = LocalDate.ofInstant(now, zone);
        List<DemoTicket> tickets = new ArrayList<>();
        List<DemoTicket> drawn = new ArrayList<>();
        for (LocalDate day = today.minusDays(DAYS); !day.isAfter(today); day = day.plusDays(1)) {
            boolean weekend = day.getDayOfWeek().getValue() >= 6;
            int count = weekend ? random.nextInt(2) : 1 + random.nextInt(2);
            for (int i = 0; i < count; i++) {
                Instant reportedAt = reportTime(day, weekend, zone, random);
                // Drawn before the cut so that every ticket's draws are the same whatever the hour.
                Fault fault = fault(drawn, reportedAt, random.nextInt(100), random.nextInt(FAULTS.size()));
                DemoTicket ticket = ticket(fault, reportedAt, now, resolution, random);
                drawn.add(ticket);
                if (!reportedAt.isAfter(now.minus(QUIET_HOUR))) {
                    tickets.add(ticket);
                }
            }
        }
        // The latest tickets that reached a stage are still being worked, two at each open stage.
        Set<Integer> open = new HashSet<>();
        for (int round = 0; round < 2; round++) {
            for (Class<? extends Step> stage : OPEN_STAGES) {
                for (int i = tickets.size() - 1; i >= 0; i--) {
                    if (!open.contains(i) && tickets.get(i).reached(stage)) {
                        tickets.set(i, tickets.get(i).stoppedBefore(stage));
                        open.add(i);
                        break;
                    }
                }
            }
        }
        return tickets;
    }

    private static Instant reportTime(LocalDate day, boolean weekend, ZoneId zone, Random random) {
        boolean office = !weekend && random.nextInt(10) < 7;
        int hour = office ? 8 + random.nextInt(10) : (random.nextBoolean() ? 18 + random.nextInt(5) : random.nextInt(8));
        return day.atTime(hour, random.nextInt(60)).atZone(zone).toInstant();
    }

    /**
     * A fault not reported in the last 21 days, so that recurrences are the few planted ones: with
     * {@code roll} under {@link #RECURRING_PERCENT}, the fault of a ticket reported two to fourteen days ago.
     */
    private static Fault fault(List<DemoTicket> before, Instant reportedAt, int roll, int pick) {
        List<Fault> recent = before.stream().filter(t -> t.reportedAt().isAfter(reportedAt.minus(FRESH)))
                .map(DemoTicket::fault).toList();
        if (roll < RECURRING_PERCENT) {
            List<Fault> repeatable = before.stream()
                    .filter(t -> t.reportedAt().isAfter(reportedAt.minus(Duration.ofDays(14)))
                            && t.reportedAt().isBefore(reportedAt.minus(Duration.ofDays(2))))
                    .map(DemoTicket::fault).toList();
            if (!repeatable.isEmpty()) {
                return repeatable.get(pick % repeatable.size());
            }
        }
        for (int i = 0; i < FAULTS.size(); i++) {
            Fault candidate = FAULTS.get((pick + i) % FAULTS.size());
            if (!recent.contains(candidate)) {
                return candidate;
            }
        }
        return FAULTS.get(pick);
    }

    private static DemoTicket ticket(Fault fault, Instant reportedAt, Instant now, ResolutionTime resolution,
                                     Random random) {
        Priority priority = priority(random);
        Instant occurredAt = reportedAt.minusSeconds(300L + random.nextInt(1800));
        String contact = "分机 8" + (100 + random.nextInt(900));
        ReportSource source = ReportSource.values()[random.nextInt(4)];
        String engineer = ENGINEERS.get(random.nextInt(ENGINEERS.size()));
        boolean late = random.nextInt(100) < 12;
        boolean onsite = priority == Priority.CRITICAL || random.nextInt(3) == 0;
        WorkMode mode = onsite ? WorkMode.ONSITE : WorkMode.REMOTE;

        Instant accepted = reportedAt.plus(minutes(late ? 35 + random.nextInt(60) : 3 + random.nextInt(25)));
        Instant started = accepted.plus(minutes(5));
        Instant arrival = started.plus(minutes(20 + random.nextInt(70)));
        Instant arrivalRecorded = arrival.plus(minutes(random.nextInt(15)));
        Instant workedFrom = onsite ? arrivalRecorded : started;
        Instant located = workedFrom.plus(minutes(20 + random.nextInt(late ? 240 : 130)));
        double share = late ? 1.1 + random.nextDouble() : 0.2 + random.nextDouble() * 0.7;
        Instant fixed = later(resolution.at(priority, reportedAt, share), located.plus(minutes(10)));
        Instant confirmed = fixed.plus(minutes(10 + random.nextInt(120)));

        List<Step> plan = new ArrayList<>();
        plan.add(new Accept(accepted));
        plan.add(new StartWork(mode, started));
        if (onsite) {
            plan.add(new Arrive(arrival, arrivalRecorded));
        }
        plan.add(new Locate(located));
        plan.add(new Fix(fixed));
        plan.add(new Confirm(confirmed));
        return new DemoTicket(fault, priority, occurredAt, reportedAt, contact, source, engineer, upTo(plan, now));
    }

    /** The steps recorded by {@code now}: a step in the future ends the list there. */
    private static List<Step> upTo(List<Step> plan, Instant now) {
        List<Step> done = new ArrayList<>();
        for (Step step : plan) {
            if (step.at().isAfter(now)) {
                break;
            }
            done.add(step);
        }
        return List.copyOf(done);
    }

    private static Priority priority(Random random) {
        int roll = random.nextInt(100);
        return roll < 5 ? Priority.CRITICAL : roll < 25 ? Priority.HIGH : roll < 75 ? Priority.MEDIUM : Priority.LOW;
    }

    private static Duration minutes(long minutes) {
        return Duration.ofMinutes(minutes);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
