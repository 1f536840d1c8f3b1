package org.medops.records.versions;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Optional;

import org.medops.opsdesk.ChangeLookup;
import org.medops.opsdesk.ChangeSummary;
import org.medops.opsdesk.DemoDays;
import org.medops.opsdesk.HospitalZone;
import org.medops.shared.DemoData;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo versions and upgrades relative to today: HIS upgraded three weeks ago through the ops desk demo's
 * completed patch change (both documents agreed, the plan once sent back), PACS with an upgrade awaiting the
 * hospital's word on its plan, LIS over a year without a new version, YB nearly there. Every date is counted back
 * from today, so the cadence reads the same on any day.
 */
@Component
@Order(80)
@ConditionalOnProperty(name = "medops.demo", havingValue = "true")
class VersionsDemo implements DemoData {

    private static final String ENGINEER = "engineer";
    private static final String REVIEWER = "reviewer";

    private final Versions versions;
    private final Upgrades upgrades;
    private final Releases releases;
    private final ChangeLookup changes;
    private final HospitalZone zone;
    private final Clock clock;

    private final org.medops.records.RecordPdf pdf;

    VersionsDemo(Versions versions, Upgrades upgrades, Releases releases, ChangeLookup changes, HospitalZone zone,
                 Clock clock, org.medops.records.RecordPdf pdf) {
        this.pdf = pdf;
        this.versions = versions;
        this.upgrades = upgrades;
        this.releases = releases;
        this.changes = changes;
        this.zone = zone;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "records versions and upgrades";
    }

    @Override
    @Transactional
    public void seed() {
        if (!versions.isEmpty()) {
            return;
        }
        long his52 = version("HIS", "5.2.0", 500, "门诊医生站重构，新增电子处方流转", null, null);
        document(his52, VersionDocumentKind.INSTALLATION_MANUAL, "HIS-5.2.0-安装手册.txt", "HIS 5.2.0 安装手册\n一、环境要求……", 499);
        long his53 = version("HIS", "5.3.0", 200, "住院结算改造，医保电子凭证支持", null, null);
        document(his53, VersionDocumentKind.USER_MANUAL, "HIS-5.3.0-用户手册.txt", "HIS 5.3.0 用户手册\n第一章 门诊挂号……", 199);
        document(his53, VersionDocumentKind.UPDATE_NOTES, "HIS-5.3.0-更新说明.txt", "HIS 5.3.0 更新说明\n1. 住院结算……", 200);
        version("LIS", "3.1.0", 420, "检验报告互认接口", null, null);
        version("PACS", "4.1.0", 300, "影像调阅性能优化", null, null);
        version("EMR", "6.2.0", 100, "病历质控规则更新", null, null);
        version("GATEWAY", "2.4.1", 60, "渠道签名算法支持 SM2", null, null);
        version("YB", "1.8.0", 340, "医保结算清单 2.0", null, null);

        hisPatch();
        pacsUpgrade();
        // The vendor's releases: HIS and EMR run theirs; LIS 3.2.0 came out and is not installed yet.
        release("HIS", "5.3.2", 30, "医嘱打印与医保结算修复补丁");
        release("EMR", "6.2.0", 110, "病历质控规则更新");
        release("LIS", "3.2.0", 45, "危急值闭环接口、检验结果互认 2.0");
    }

    private void release(String system, String version, int daysAgo, String notes) {
        if (releases.exists(system, version)) {
            return;
        }
        releases.insert(new NewRelease(system, version, days().ago(daysAgo), notes), ENGINEER, clock.instant());
    }

    /** The ops desk demo's completed HIS patch, as the upgrade it was: agreed, then installed. */
    private void hisPatch() {
        Optional<ChangeSummary> change = find("HIS", "HIS 5.3.2", ChangeSummary.Status.COMPLETED);
        if (change.isEmpty()) {
            return;
        }
        DemoDays days = days();
        Upgrade u = Upgrade.draft(change.get().id(), "HIS", change.get().title(), "5.3.0", "5.3.2", assessment(),
                plan("1. 备份数据库与程序目录\n2. 停止门诊、住院应用服务\n3. 部署 5.3.2 补丁包\n4. 业务科室验证"), ENGINEER,
                days.at(24, 11));
        long id = upgrades.insert(u);
        u = upgrades.find(id).orElseThrow();
        decided(id, UpgradeDocument.ASSESSMENT, 1, UpgradeDesk.SUBMITTED, ENGINEER, null, null, days.at(24, 11));
        decided(id, UpgradeDocument.PLAN, 1, UpgradeDesk.SUBMITTED, ENGINEER, null, null, days.at(24, 11));
        u = u.agree(UpgradeDocument.ASSESSMENT, REVIEWER, days.at(24, 15));
        decided(id, UpgradeDocument.ASSESSMENT, 1, "AGREED", REVIEWER, "信息科审核人 陈刚", null, days.at(24, 15));
        String reason = "回退方案未写明数据库恢复所需时间，请补充。";
        u = u.sendBack(UpgradeDocument.PLAN, reason, REVIEWER, days.at(24, 15));
        decided(id, UpgradeDocument.PLAN, 1, "SENT_BACK", REVIEWER, null, reason, days.at(24, 15));
        u = u.revise(plan("1. 备份数据库与程序目录\n2. 停止门诊、住院应用服务\n3. 部署 5.3.2 补丁包\n4. 业务科室验证\n"
                + "回退时数据库恢复约需 25 分钟。"), ENGINEER, days.at(23, 9));
        decided(id, UpgradeDocument.PLAN, 2, UpgradeDesk.REVISED, ENGINEER, null, null, days.at(23, 9));
        u = u.agree(UpgradeDocument.PLAN, REVIEWER, days.at(23, 11));
        decided(id, UpgradeDocument.PLAN, 2, "AGREED", REVIEWER, "信息科审核人 陈刚", null, days.at(23, 11));
        Instant finished = change.get().finishedAt() != null ? change.get().finishedAt()
                : days.at(21, LocalTime.of(23, 58));
        long versionId = version("HIS", "5.3.2", 21, "HIS 5.3.2 补丁升级：修复医嘱打印与医保结算问题", change.get().id(), id);
        document(versionId, VersionDocumentKind.UPDATE_NOTES, "HIS-5.3.2-更新说明.txt",
                "HIS 5.3.2 更新说明\n1. 修复长期医嘱打印错行\n2. 医保结算清单字段调整", 21);
        upgrades.update(u.concluded(true, versionId, finished));
    }

    /** PACS 4.2 on the requested storage change: the assessment agreed, the plan awaiting the hospital. */
    private void pacsUpgrade() {
        Optional<ChangeSummary> change = find("PACS", "PACS", ChangeSummary.Status.REQUESTED);
        if (change.isEmpty()) {
            return;
        }
        // Drafted and half agreed just now, after the change was requested.
        Instant drafted = clock.instant().minusSeconds(1800);
        Instant agreed = clock.instant().minusSeconds(600);
        Upgrade u = Upgrade.draft(change.get().id(), "PACS", change.get().title(), "4.1.0", "4.2.0",
                new Assessment("存储扩容需 PACS 4.2 的分级存储功能；4.1 已停止安全更新。",
                        "迁移期间影像归档排队，历史影像调阅变慢；新版本与 RIS 接口需回归。",
                        "放射科、心导管室影像调阅；门诊医生站影像浏览。"),
                plan("1. 备份 PACS 数据库与配置\n2. 升级至 4.2.0\n3. 挂载新存储并配置分级策略\n4. 放射科验证调阅与归档"),
                ENGINEER, drafted);
        long id = upgrades.insert(u);
        u = upgrades.find(id).orElseThrow();
        decided(id, UpgradeDocument.ASSESSMENT, 1, UpgradeDesk.SUBMITTED, ENGINEER, null, null, drafted);
        decided(id, UpgradeDocument.PLAN, 1, UpgradeDesk.SUBMITTED, ENGINEER, null, null, drafted);
        u = u.agree(UpgradeDocument.ASSESSMENT, REVIEWER, agreed);
        decided(id, UpgradeDocument.ASSESSMENT, 1, "AGREED", REVIEWER, "信息科审核人 陈刚", null, agreed);
        upgrades.update(u);
    }

    private static Assessment assessment() {
        return new Assessment("修复长期医嘱打印错行缺陷；满足医保结算清单新字段要求。",
                "补丁涉及医嘱与结算模块，升级期间门诊、住院业务暂停约 40 分钟。",
                "门诊医生站、住院护士站、收费处。");
    }

    private static UpgradePlan plan(String steps) {
        return new UpgradePlan(steps, "按备份恢复数据库与程序目录，恢复后通知业务科室验证。",
                "门诊挂号、开立医嘱、住院结算、医保结算各一例回归。", "维护窗口 22:00–06:00（周末）");
    }

    private Optional<ChangeSummary> find(String system, String titleStart, ChangeSummary.Status status) {
        return changes.forSystem(system, 50).stream().filter(c -> c.status() == status)
                .filter(c -> c.title().startsWith(titleStart)).findFirst();
    }

    private long version(String system, String version, int daysAgo, String notes, Long changeId, Long upgradeId) {
        DemoDays days = days();
        return versions.insert(new NewVersion(system, version, days.ago(daysAgo), ENGINEER, notes, changeId), upgradeId,
                ENGINEER, days.at(daysAgo, 18));
    }

    private void document(long versionId, VersionDocumentKind kind, String name, String text, int daysAgo) {
        org.medops.records.RecordPdf.File file = pdf.file(name, text);
        byte[] content = file.content();
        versions.addDocument(versionId, kind, file.name(), file.contentType(), content, VersionRegister.sha256(content),
                ENGINEER, days().at(daysAgo, 17));
    }

    private void decided(long id, UpgradeDocument document, int revision, String decision, String by, String signer,
                         String reason, Instant at) {
        upgrades.decided(id, document, revision, decision, by, signer, reason, at);
    }

    private DemoDays days() {
        return new DemoDays(clock, zone.get());
    }
}
