package org.medops.integration.critical;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.medops.shared.DemoData;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The critical-value demo: department contacts, and over the last fourteen days closed critical values with
 * realistic stage times, two still open today (one of them overdue and escalated to the department head).
 * Here and not in {@code org.medops.demo} because the demo module may use only the integration module's base
 * package, like the other modules' own demo seeds. Times are relative to now, so the board and the report look right on any date; the demo LIS channel
 * ({@code DemoIntegration}) keeps feeding new ones through its CRITICAL_VALUE destination.
 */
@Component
@ConditionalOnProperty(name = "medops.demo", havingValue = "true")
class DemoCriticalValues implements DemoData {

    private static final String[][] PEOPLE = {{"P200101", "张伟"}, {"P200102", "王芳"}, {"P200103", "李娜"},
            {"P200104", "刘洋"}, {"P200105", "陈静"}, {"P200106", "杨磊"}, {"P200107", "赵敏"}};
    private static final String[][] WARDS = {{"心内科", "心内科监护室", "王建国"}, {"急诊科", "急诊留观区", "周晓"}, {"肾内科", "肾内一病区", "孙丽"}};
    private static final String[][] ITEMS = {{"K", "血钾", "6.9", "mmol/L", "3.5-5.5", "HH", "停用含钾药物，予降钾治疗"},
            {"GLU", "血糖", "1.9", "mmol/L", "3.9-6.1", "LL", "静推50%葡萄糖，复测血糖"},
            {"PLT", "血小板", "18", "10^9/L", "125-350", "LL", "输注血小板，观察出血"},
            {"HB", "血红蛋白", "52", "g/L", "115-150", "LL", "备血输注红细胞"}};

    private final CriticalValueDemo demo;
    private final Clock clock;
    private final java.nio.file.Path hisDirectory;

    DemoCriticalValues(CriticalValueDemo demo, Clock clock,
                       @org.springframework.beans.factory.annotation.Value(
                               "${medops.demo-critical-his-directory:${java.io.tmpdir}/medops-demo-critical-his}")
                       java.nio.file.Path hisDirectory) {
        this.demo = demo;
        this.clock = clock;
        this.hisDirectory = hisDirectory.toAbsolutePath();
    }

    @Override
    public String name() {
        return "critical values (危急值闭环)";
    }

    @Override
    public void seed() {
        demo.backToHis(hisDirectory);
        if (demo.seeded()) {
            return;
        }
        Instant now = clock.instant();
        for (String[] ward : WARDS) {
            demo.contacts(ward[0], ward[1] + "病区群", ward[0] + "主任", 10, now);
        }
        demo.contacts("医务科", null, "医务科", 10, now);
        List<CriticalValueDemo.Seed> seeds = new ArrayList<>();
        int[] ackMinutes = {2, 4, 6, 3, 12, 8, 5, 25, 7, 4, 9, 3, 15, 6};
        for (int day = 14; day >= 1; day--) {
            int i = 14 - day;
            String[] who = PEOPLE[i % PEOPLE.length];
            String[] ward = WARDS[i % WARDS.length];
            String[] item = ITEMS[i % ITEMS.length];
            int ack = ackMinutes[i];
            seeds.add(seed(who, ward, item, now.minus(Duration.ofDays(day)).minus(Duration.ofMinutes(37 * i)),
                    ack, ack + 10 + i, ack + 30 + 2 * i));
        }
        seeds.add(seed(PEOPLE[0], WARDS[0], ITEMS[0], now.minus(Duration.ofMinutes(18)), null, null, null));
        seeds.add(seed(PEOPLE[3], WARDS[1], ITEMS[2], now.minus(Duration.ofMinutes(6)), 3, null, null));
        demo.seed(seeds);
    }

    private static CriticalValueDemo.Seed seed(String[] who, String[] ward, String[] item, Instant at, Integer ack,
                                               Integer handle, Integer close) {
        return new CriticalValueDemo.Seed(who[0], who[1], item[0], item[1], item[2], item[3], item[4], item[5], ward[0],
                ward[1], ward[2], at, ack, handle, close, item[6]);
    }
}
