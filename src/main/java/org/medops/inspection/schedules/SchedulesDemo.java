package org.medops.inspection.schedules;

import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.medops.inspection.rounds.Template;
import org.medops.shared.DemoData;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * The seeds' inspection plan as demo schedules: a daily light round, the quarterly full round, the database
 * performance check each quarter and before May Day, National Day and the Spring Festival (seed 002), and the
 * monthly backup check. Created from now on, so every date gives a valid plan.
 */
@Component
@ConditionalOnExpression("${medops.demo:false}")
class SchedulesDemo implements DemoData {

    private final Schedules schedules;

    SchedulesDemo(Schedules schedules) {
        this.schedules = schedules;
    }

    @Override
    public String name() {
        return "inspection schedules";
    }

    @Override
    public void seed() {
        Set<String> existing = schedules.all().stream().map(ScheduleView::name).collect(Collectors.toSet());
        List<Schedule.Details> plan = List.of(
                details("日常巡检", Template.DAILY, "0 0 8 * * *", false),
                details("季度全面巡检", Template.QUARTERLY, "0 0 9 1 1,4,7,10 *", false),
                details("数据库性能检查（季度及节前）", Template.DATABASE, "0 0 10 15 2,5,8,11 *", true),
                details("月度备份检查", Template.BACKUP, "0 0 9 1 * *", false));
        for (Schedule.Details d : plan) {
            if (!existing.contains(d.name())) {
                schedules.create(d, "system");
            }
        }
    }

    private static Schedule.Details details(String name, Template template, String cron, boolean eves) {
        return new Schedule.Details(name, template, List.of(), new ScheduleRule(cron, eves,
                eves ? SchedulesController.SEED_HOLIDAYS : List.of(), LocalTime.of(9, 0)), true);
    }
}
