package org.medops.records.archive;

import java.time.LocalDate;
import java.time.ZoneId;

import org.medops.opsdesk.DemoDays;
import org.medops.opsdesk.HospitalZone;
import org.medops.shared.DemoData;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * Uploads a few documents dated back from today — a user manual, training material, a repair confirmation the
 * hospital signed — and collects what the other features hold (the demo projects' milestone documents, signed
 * inspection reports). Seeded once, by title.
 */
@Component
@ConditionalOnExpression("${medops.demo:false}")
class ArchiveDemo implements DemoData {

    private final Archive archive;
    private final Documents documents;
    private final Collector collector;
    private final HospitalZone zone;
    private final java.time.Clock clock;

    private final org.medops.records.RecordPdf pdf;

    ArchiveDemo(Archive archive, Documents documents, Collector collector, HospitalZone zone, java.time.Clock clock,
                org.medops.records.RecordPdf pdf) {
        this.pdf = pdf;
        this.archive = archive;
        this.documents = documents;
        this.collector = collector;
        this.zone = zone;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "records archive";
    }

    @Override
    public void seed() {
        ZoneId z = zone.get();
        DemoDays days = new DemoDays(clock, z);
        upload("HIS 用户手册 V5.2", "USER_MANUAL", "HIS", days.ago(40), "V5.2", null, "HIS用户手册-V5.2.txt",
                "HIS 医院信息系统 用户手册 V5.2\n一、门诊挂号\n二、住院登记\n三、医嘱与收费");
        upload("外联平台运维培训资料", "TRAINING_MATERIAL", "GATEWAY", days.ago(20), "V1.0", null, "外联平台运维培训.txt",
                "外联平台运维培训（4 学时）\n1. 服务配置与渠道授权\n2. 熔断与限流\n3. 日志查询与告警");
        upload("LIS 结果回传中断 故障修复确认单", "REPAIR_CONFIRMATION", "LIS", days.ago(9), null, "陈刚",
                "故障修复确认单-LIS.txt", "故障修复确认单\n故障：LIS 结果回传中断\n处理：重启接口服务并补传 132 条结果\n院方确认：陈刚");
        collector.collectAll();
    }

    private void upload(String title, String type, String system, LocalDate datedOn, String version, String signedBy,
                        String fileName, String text) {
        boolean present = documents.count(new Documents.Filter(type, system, null, null, title)) > 0;
        if (!present) {
            org.medops.records.RecordPdf.File file = pdf.file(fileName, text);
            archive.upload(new NewDocument(new ArchivedDocument.Details(type, system, title, datedOn), version,
                    null, signedBy, file.name(), file.content()), "engineer");
        }
    }

}
