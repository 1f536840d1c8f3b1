package org.medops.reporting.contracts;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * One line of the scorecard (考评项目): its stable code (the rules deduct under it), name, criteria and points; a
 * deduction-only item ({@code 数据安全}) has no points of its own and takes from the total.
 */
public record ScorecardItem(@NotBlank @Pattern(regexp = "[A-Z_]{2,24}") String code,
                            @NotBlank @Size(max = 100) String name, @NotBlank @Size(max = 1000) String criteria,
                            @Min(0) @Max(100) int maxPoints, boolean deductionOnly) {

    /** Seed 001's 服务考核表, item by item. */
    public static List<ScorecardItem> seedDefaults() {
        return List.of(
                new ScorecardItem("CLIENT", "日常客户端维护",
                        "日常巡检与维护，不能按要求进行；巡检和维护影响单点(或部分)业务正常运行超过20分钟的。每项每次扣2分。", 12, false),
                new ScorecardItem("SUPPORT", "技术支持", "没有及时到场进行技术支持；无法及时解决出现的技术故障。每项每次扣2分。", 12, false),
                new ScorecardItem("SERVER", "服务器端",
                        "服务端应用软件故障导致业务暂停且无法迅速恢复(业务影响超过20分钟即认定为未迅速恢复)；超过20分钟，每小时扣2分，"
                                + "不足一小时的按一小时计算。累计超过5小时扣15分。", 20, false),
                new ScorecardItem("BACKUP", "数据备份与恢复", "数据备份不合理，备份数据损坏导致在需要时无法恢复。扣10分。", 10, false),
                new ScorecardItem("DUTY", "售后和服务机构值班情况", "每有一次拨打中标方所提供的电话无人接听的扣1分。", 10, false),
                new ScorecardItem("REWORK", "各类问题的整改和处理情况", "每有一次整改和处理后仍然不满足要求的扣1分。", 10, false),
                new ScorecardItem("ATTITUDE", "整体服务态度", "每有一次服务态度不端正的情形时扣1分。每有一次被科室投诉的情形时扣1分。", 10,
                        false),
                new ScorecardItem("ETHICS", "项目人员职业道德素质情况", "每有一次项目人员行为不符合职业道德素质规定的扣1分。", 5, false),
                new ScorecardItem("STATISTICS", "数据统计与上报",
                        "按照采购人要求提供数据提取与统计，数据提取错误的、数据统计与实际数据有较大不符(符合率低于98%)的，每次扣2分。", 8, false),
                new ScorecardItem("SECURITY", "数据安全",
                        "若因服务公司技术或人员等问题导致的数据安全问题，视造成的影响按次扣分，每次不低于10分；造成采购人信息数据泄露的，每次扣分40分。",
                        0, true));
    }
}
