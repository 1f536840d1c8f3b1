package org.medops.opsdesk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo mode: a quarter of past tickets worked through the real lifecycle at their own times, some late,
 * a few recurring, the last days' still open, so the register and the service reports show something.
 */
@Component
@ConditionalOnProperty(name = "medops.demo", havingValue = "true")
class DemoTickets {

    private static final Logger log = LoggerFactory.getLogger(DemoTickets.class);
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final List<String> ENGINEERS = List.of("engineer", "manager");
    private static final List<Fault> FAULTS = List.of(
            new Fault("门诊收费窗口无法打印发票", "点击打印后提示连接打印服务超时", "门诊收费处 6 个窗口", "HIS", FaultCategory.SOFTWARE),
            new Fault("检验报告无法回传 HIS", "LIS 审核后报告在医生站不可见", "住院部全部病区", "LIS", FaultCategory.INTERFACE),
            new Fault("PACS 影像调阅缓慢", "打开 CT 序列需要 40 秒以上", "放射科与临床科室", "PACS", FaultCategory.HARDWARE),
            new Fault("医保结算返回超时", "医保中心接口返回 504，患者无法结算", "门诊与住院结算", "YB", FaultCategory.INTERFACE),
            new Fault("电子病历模板丢失", "部分科室病程记录模板无法加载", "内科病区", "EMR", FaultCategory.DATA),
            new Fault("护士站网络中断", "三楼护士站电脑全部无法联网", "三楼两个病区", "NETWORK", FaultCategory.NETWORK),
            new Fault("预约挂号接口失败", "微信小程序预约提示系统繁忙", "互联网预约患者", "GATEWAY", FaultCategory.INTERFACE),
            new Fault("医嘱执行单打印错位", "执行单内容与表格错位", "外科病区", "CIS", FaultCategory.SOFTWARE));

    private final Tickets tickets;
    private final TicketDesk desk;
    private final Clock clock;

    DemoTickets(Tickets tickets, TicketDesk desk, Clock clock) {
        this.tickets = tickets;
        this.desk = desk;
        this.clock = clock;
    }

    private record Fault(String title, String phenomenon, String impact, String system, FaultCategory category) {
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(20)
    @Transactional
    public void seed() {
        if (tickets.count() > 0) {
            return;
        }
        Random random = new Random(2026);
        LocalDate today = LocalDate.now(clock.withZone(ZONE));
        int created = 0;
        for (LocalDate day = today.minusDays(90); !day.isAfter(today); day = day.plusDays(1)) {
            int count = day.getDayOfWeek().getValue() >= 6 ? random.nextInt(2) : 1 + random.nextInt(2);
            for (int i = 0; i < count; i++) {
                Instant reportedAt = reportTime(day, random);
                if (reportedAt.isAfter(clock.instant().minusSeconds(3600))) {
                    continue;
                }
                work(reportedAt, random, !day.isBefore(today.minusDays(3)));
                created++;
            }
        }
        log.info("Demo: {} tickets over the last quarter", created);
    }

    private static Instant reportTime(LocalDate day, Random random) {
        boolean office = day.getDayOfWeek().getValue() < 6 && random.nextInt(10) < 7;
        int hour = office ? 8 + random.nextInt(10) : (random.nextBoolean() ? 18 + random.nextInt(5) : random.nextInt(8));
        return day.atTime(hour, random.nextInt(60)).atZone(ZONE).toInstant();
    }

    private void work(Instant at, Random random, boolean recent) {
        Fault fault = FAULTS.get(random.nextInt(FAULTS.size()));
        Priority priority = pick(random);
        SlaContext sla = desk.currentContext(priority);
        FaultReport report = new FaultReport(fault.title(), fault.phenomenon(), at.minusSeconds(300L + random.nextInt(1800))
                .atOffset(ZoneOffset.UTC), fault.impact(), List.of(fault.system()), fault.category(), null, "信息科值班",
                "分机 8" + (100 + random.nextInt(900)), ReportSource.values()[random.nextInt(4)], priority);
        Long recurrence = tickets.recentClosure(report.systems(), report.category(), at.minus(TicketDesk.RECURRENCE_WINDOW), at)
                .orElse(null);
        long id = tickets.insert(Ticket.report(report, at, "reviewer", sla, recurrence, null));
        Ticket ticket = tickets.find(id).orElseThrow();
        String engineer = ENGINEERS.get(random.nextInt(ENGINEERS.size()));
        boolean late = random.nextInt(100) < 12;

        Instant accepted = at.plus(Duration.ofMinutes(late ? 35 + random.nextInt(60) : 3 + random.nextInt(25)));
        if (recent && random.nextInt(4) == 0 || accepted.isAfter(clock.instant())) {
            tickets.save(ticket);
            return;
        }
        ticket.accept(engineer, accepted, sla);
        boolean onsite = priority == Priority.CRITICAL || random.nextInt(3) == 0;
        Instant started = accepted.plus(Duration.ofMinutes(5));
        ticket.startWork(onsite ? WorkMode.ONSITE : WorkMode.REMOTE, engineer, started, sla);
        SlaClock resolution = ticket.clock(TargetKind.RESOLUTION).orElseThrow();
        TimeBasis time = sla.time(resolution.basis());
        double share = late ? 1.1 + random.nextDouble() : 0.2 + random.nextDouble() * 0.7;
        Instant fixed = later(time.plus(at, Duration.ofSeconds((long) (resolution.target().toSeconds() * share))),
                started.plus(Duration.ofMinutes(20)));
        if (onsite) {
            ticket.arrive(later(started.plus(Duration.ofMinutes(20 + random.nextInt(70))), accepted), engineer,
                    fixed.minusSeconds(60), sla);
        }
        Instant located = earlier(started.plus(Duration.ofMinutes(20 + random.nextInt(late ? 240 : 130))), fixed);
        if (recent && random.nextBoolean() || fixed.isAfter(clock.instant())) {
            tickets.save(ticket);
            return;
        }
        ticket.locate(new LocationReport("演示：" + fault.phenomenon() + "，原因已查明", fault.impact(), priority.name(),
                "处理期间相关功能短暂不可用"), engineer, located, sla);
        ticket.fix("演示：已处理并验证恢复", engineer, fixed, sla);
        Instant confirmed = fixed.plus(Duration.ofMinutes(10 + random.nextInt(120)));
        if (recent && random.nextBoolean() || confirmed.isAfter(clock.instant())) {
            tickets.save(ticket);
            return;
        }
        ticket.confirm(new Ticket.Confirmation("reviewer", "信息科审核人 陈刚", "业务已恢复，确认修复。", confirmed), sla);
        tickets.save(ticket);
    }

    private static Priority pick(Random random) {
        int roll = random.nextInt(100);
        return roll < 5 ? Priority.CRITICAL : roll < 25 ? Priority.HIGH : roll < 75 ? Priority.MEDIUM : Priority.LOW;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
