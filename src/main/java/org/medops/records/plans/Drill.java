package org.medops.records.plans;

import java.time.Instant;
import java.time.LocalDate;

/** A recorded drill; {@code recoveryMinutes} is how long recovery took in the drill, measured against the plan's RTO. */
record Drill(long id, long planId, LocalDate heldOn, String scenario, String participants, String findings,
             String followUp, Integer recoveryMinutes, String recordedBy, Instant recordedAt) {

    String text(String planTitle) {
        return "应急演练记录：" + planTitle + "\n演练日期：" + heldOn + "\n\n一、演练场景\n" + scenario + "\n\n二、参与人员\n"
                + participants + "\n\n三、发现问题\n" + findings + "\n\n四、后续措施\n" + followUp
                + (recoveryMinutes == null ? "" : "\n\n五、实际恢复用时\n" + recoveryMinutes + " 分钟") + "\n";
    }
}
