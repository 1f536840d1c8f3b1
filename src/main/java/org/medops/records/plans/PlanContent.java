package org.medops.records.plans;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An emergency plan as written: what it covers, whom to call, the steps, the fallback procedures while the system is
 * down, and the recovery targets (RTO: back within minutes; RPO: at most this many minutes of data lost).
 */
record PlanContent(@NotBlank @Size(max = 200) String title, @NotNull Scenario scenario, String systemCode,
                   @NotBlank @Size(max = 4000) String contacts, @NotBlank @Size(max = 8000) String steps,
                   @NotBlank @Size(max = 8000) String fallback, @NotNull @Min(1) @Max(10080) Integer rtoMinutes,
                   @NotNull @Min(0) @Max(10080) Integer rpoMinutes) {

    PlanContent trimmed() {
        return new PlanContent(title.strip(), scenario, systemCode == null || systemCode.isBlank() ? null : systemCode,
                contacts.strip(), steps.strip(), fallback.strip(), rtoMinutes, rpoMinutes);
    }

    String text() {
        return "应急预案：" + title + "\n\n一、联系人\n" + contacts + "\n\n二、处置步骤\n" + steps + "\n\n三、降级与手工流程\n" + fallback
                + "\n\n四、恢复目标\nRTO " + rtoMinutes + " 分钟，RPO " + rpoMinutes + " 分钟\n";
    }
}
