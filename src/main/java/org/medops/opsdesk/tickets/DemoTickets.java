package org.medops.opsdesk.tickets;

import org.medops.opsdesk.Priority;
import org.medops.opsdesk.sla.SlaContext;
import org.medops.opsdesk.sla.TargetKind;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.medops.opsdesk.HospitalZone;
import org.medops.shared.DemoData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo mode: a quarter of past tickets worked through the real lifecycle at their own times, some late,
 * a few recurring, the last days' still open, so the register and the service reports show something.
 * The timeline comes from {@link DemoTimeline}; this only plays it through the domain and stores it.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "medops.demo", havingValue = "true")
class DemoTickets implements DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoTickets.class);

    private final Tickets tickets;
    private final TicketDesk desk;
    private final HospitalZone zone;
    private final Clock clock;

    DemoTickets(Tickets tickets, TicketDesk desk, Clock clock, HospitalZone zone) {
        this.zone = zone;
        this.tickets = tickets;
        this.desk = desk;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "ops desk tickets";
    }

    @Override
    @Transactional
    public void seed() {
        if (tickets.count() > 0) {
            return;
        }
        List<DemoTimeline.DemoTicket> quarter = DemoTimeline.quarter(clock.instant(), zone.get(), this::resolutionTime);
        quarter.forEach(this::store);
        deskOfToday(clock.instant());
        log.info("Demo: {} tickets over the last quarter and {} on today's desk", quarter.size(), 4);
    }

    /**
     * Today's desk, relative to the moment of seeding whatever the date, so every workbench shows work: a
     * critical fault of the engineer's due within the hour, one of theirs already breached, a fresh one nobody has
     * taken, and a repair waiting for the hospital's confirmation for two days. Critical resolution runs on
     * calendar time (60 minutes), so the numbers hold on holidays and at night alike.
     */
    private void deskOfToday(Instant now) {
        Ticket risk = today("自助机挂号后不出凭条", "自助机完成挂号后凭条打印机无动作", "门诊一楼 4 台自助机", "HIS",
                FaultCategory.HARDWARE, Priority.CRITICAL, now.minus(Duration.ofMinutes(30)));
        risk.accept(DemoTimeline.ENGINEER, now.minus(Duration.ofMinutes(25)), desk.contextOf(risk));
        tickets.save(risk);

        Ticket breached = today("急诊检验结果无法查看", "急诊医生站打开检验结果提示服务不可用", "急诊科全部诊室", "LIS",
                FaultCategory.INTERFACE, Priority.CRITICAL, now.minus(Duration.ofHours(3)));
        SlaContext sla = desk.contextOf(breached);
        breached.accept(DemoTimeline.ENGINEER, now.minus(Duration.ofMinutes(170)), sla);
        breached.startWork(WorkMode.REMOTE, DemoTimeline.ENGINEER, now.minus(Duration.ofMinutes(165)), sla);
        breached.watch(now, sla, List.of());
        tickets.save(breached);

        tickets.save(today("住院药房摆药机通讯中断", "摆药机无法接收医嘱摆药单", "住院药房", "HIS", FaultCategory.INTERFACE,
                Priority.HIGH, now.minus(Duration.ofMinutes(20))));

        Ticket waiting = today("病区腕带打印机乱码", "腕带上患者姓名打印为乱码", "骨科病区", "CIS", FaultCategory.HARDWARE,
                Priority.CRITICAL, now.minus(Duration.ofHours(50)));
        sla = desk.contextOf(waiting);
        waiting.accept(DemoTimeline.ENGINEER, now.minus(Duration.ofMinutes(50 * 60 - 5)), sla);
        waiting.startWork(WorkMode.REMOTE, DemoTimeline.ENGINEER, now.minus(Duration.ofMinutes(50 * 60 - 6)), sla);
        waiting.fix("演示：更换打印机驱动并重新下发字库，打印恢复正常", DemoTimeline.ENGINEER,
                now.minus(Duration.ofMinutes(50 * 60 - 40)), sla);
        tickets.save(waiting);
    }

    private Ticket today(String title, String phenomenon, String impact, String system, FaultCategory category,
                         Priority priority, Instant reportedAt) {
        FaultReport report = new FaultReport(title, phenomenon, reportedAt.minusSeconds(300).atOffset(ZoneOffset.UTC),
                impact, List.of(system), category, null, "信息科值班", "分机 8100", ReportSource.PHONE, priority);
        long id = tickets.insert(Ticket.open(report, reportedAt, DemoTimeline.REPORTER, desk.currentContext(priority),
                null, null));
        return tickets.find(id).orElseThrow();
    }

    private Instant resolutionTime(Priority priority, Instant reportedAt, double share) {
        SlaContext sla = desk.currentContext(priority);
        return sla.target(TargetKind.RESOLUTION, reportedAt)
                .map(target -> target.time(sla.calendar()).plus(reportedAt,
                        Duration.ofSeconds((long) (target.length().toSeconds() * share))))
                .orElse(reportedAt);
    }

    private void store(DemoTimeline.DemoTicket planned) {
        DemoTimeline.Fault fault = planned.fault();
        SlaContext sla = desk.currentContext(planned.priority());
        FaultReport report = new FaultReport(fault.title(), fault.phenomenon(),
                planned.occurredAt().atOffset(ZoneOffset.UTC), fault.impact(), List.of(fault.system()),
                fault.category(), null, "信息科值班", planned.contact(), planned.source(), planned.priority());
        Long recurrence = desk.recurrenceOf(report, planned.reportedAt());
        long id = tickets.insert(Ticket.open(report, planned.reportedAt(), DemoTimeline.REPORTER, sla, recurrence, null));
        Ticket ticket = tickets.find(id).orElseThrow();
        for (DemoTimeline.Step step : planned.steps()) {
            step.applyTo(ticket, planned, sla);
        }
        tickets.save(ticket);
    }
}
