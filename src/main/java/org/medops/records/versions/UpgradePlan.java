package org.medops.records.versions;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The upgrade plan (升级方案): the steps, the rollback, the test plan, the window it runs in. */
record UpgradePlan(@NotBlank @Size(max = 8000) String steps, @NotBlank @Size(max = 8000) String rollback,
                   @NotBlank @Size(max = 8000) String tests, @NotBlank @Size(max = 500) String window) {

    UpgradePlan trimmed() {
        return new UpgradePlan(steps.strip(), rollback.strip(), tests.strip(), window.strip());
    }

    String text() {
        return "一、实施步骤\n" + steps + "\n\n二、回退方案\n" + rollback + "\n\n三、测试方案\n" + tests + "\n\n四、实施窗口\n"
                + window + "\n";
    }
}
