package org.medops.records.plans;

import java.time.Clock;
import java.time.Instant;

import org.medops.opsdesk.DemoDays;
import org.medops.opsdesk.HospitalZone;
import org.medops.shared.DemoData;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo emergency plans relative to today: one reviewed and drilled, one whose yearly review is overdue, one due
 * soon, one reviewed lately with a drill that missed its RTO. Dates are counted back from today.
 */
@Component
@Order(81)
@ConditionalOnProperty(name = "medops.demo", havingValue = "true")
class PlansDemo implements DemoData {

    private static final String ENGINEER = "engineer";

    private final EmergencyPlans plans;
    private final Drills drills;
    private final HospitalZone zone;
    private final Clock clock;

    PlansDemo(EmergencyPlans plans, Drills drills, HospitalZone zone, Clock clock) {
        this.plans = plans;
        this.drills = drills;
        this.zone = zone;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "records emergency plans";
    }

    @Override
    @Transactional
    public void seed() {
        if (!plans.isEmpty()) {
            return;
        }
        long his = plan(new PlanContent("HIS 系统停机应急预案", Scenario.HIS_OUTAGE, "HIS",
                "信息科值班：8001（24 小时）\n厂商驻场工程师：王磊 138-0000-0001\n信息科主任：林芳 138-0000-0002",
                "1. 值班人员确认故障范围并上报信息科主任\n2. 厂商工程师 10 分钟内远程介入\n3. 判断是否切换备用服务器\n4. 恢复后核对停机期间手工单据补录",
                "门诊手工挂号、手写处方；住院临时医嘱纸质记录；收费处手工收据，恢复后补录。", 30, 5), 420, 200, "联系人电话已核对；补充收费处手工收据流程。");
        drill(his, 90, "HIS 应用服务器宕机，切换备用服务器", "信息科 陈刚、厂商 王磊、门诊部、收费处",
                "备用服务器缺少最新打印模板；手工挂号单据不足。", "同步打印模板至备用服务器；每季度检查手工单据库存。", 25);
        drill(his, 20, "HIS 数据库主库故障，切换备库", "信息科 陈刚、厂商 王磊、住院部",
                "切换后两个护士站缓存未刷新。", "切换脚本增加缓存刷新步骤。", 28);
        plan(new PlanContent("数据库故障应急预案", Scenario.DATABASE, "LIS",
                "数据库管理员：赵敏 138-0000-0003\n厂商：LIS 支持热线 400-000-0000",
                "1. 确认主库状态与复制延迟\n2. 评估是否切换备库\n3. 按备份恢复并校验数据",
                "检验科暂停报告发布，急诊检验结果电话通知临床。", 60, 15), 400, -1, null);
        plan(new PlanContent("网络中断应急预案", Scenario.NETWORK, "NETWORK",
                "网络管理员：孙强 138-0000-0004\n运营商专线：10000",
                "1. 定位故障区域（核心、汇聚、接入）\n2. 启用备用链路\n3. 通知受影响科室",
                "受影响科室改用移动终端 4G 专网访问核心业务。", 20, 0), 380, 350, null);
        long gateway = plan(new PlanContent("外联平台故障应急预案", Scenario.GATEWAY, "GATEWAY",
                "外联平台值班：8002\n厂商：王磊 138-0000-0001",
                "1. 查看网关节点状态与熔断告警\n2. 隔离故障渠道\n3. 重启异常节点并核对配置版本",
                "互联网医院、自助机暂停预约挂号，公众号发布公告；窗口人工办理。", 15, 0), 200, 30, "按新增渠道更新联系人。");
        drill(gateway, 10, "外联平台单节点故障", "信息科 陈刚、厂商 王磊",
                "负载均衡健康检查间隔过长，切换用时超过恢复时间目标。", "健康检查间隔由 30 秒调整为 5 秒。", 22);
    }

    /** Written {@code writtenAgo} days ago; reviewed {@code reviewedAgo} days ago, or never when negative. */
    private long plan(PlanContent content, int writtenAgo, int reviewedAgo, String notes) {
        DemoDays days = days();
        Instant written = days.at(writtenAgo, 10);
        EmergencyPlan plan = EmergencyPlan.write(content, ENGINEER, written, days.ago(writtenAgo));
        long id = plans.insert(plan);
        if (reviewedAgo >= 0) {
            EmergencyPlan reviewed = plans.find(id).orElseThrow().reviewed(days.ago(reviewedAgo), days.ago(0));
            plans.update(reviewed);
            plans.reviewed(id, reviewed.reviewedOn(), ENGINEER, notes, reviewed.reviewDue(), days.at(reviewedAgo, 16));
        }
        return id;
    }

    private void drill(long planId, int daysAgo, String scenario, String participants, String findings, String followUp,
                       int minutes) {
        drills.insert(planId, new NewDrill(days().ago(daysAgo), scenario, participants, findings, followUp, minutes),
                ENGINEER, days().at(daysAgo, 17));
    }

    private DemoDays days() {
        return new DemoDays(clock, zone.get());
    }
}
