package org.medops.records.versions;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The assessment report (评估报告): why upgrade, the risks, the impact on the hospital's work. */
record Assessment(@NotBlank @Size(max = 8000) String reason, @NotBlank @Size(max = 8000) String risks,
                  @NotBlank @Size(max = 8000) String impact) {

    Assessment trimmed() {
        return new Assessment(reason.strip(), risks.strip(), impact.strip());
    }

    String text() {
        return "一、升级原因\n" + reason + "\n\n二、风险评估\n" + risks + "\n\n三、影响范围\n" + impact + "\n";
    }
}
