package org.medops.demo;

import java.util.List;

import org.medops.integration.IntegrationRegistry;
import org.medops.opsdesk.OpsdeskSystems;
import org.medops.shared.DemoData;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The service registry demo: the topics and services HIS, LIS, PACS, EMR, 医保, 体检 and 手麻 publish (the last two
 * added to the ops desk's system list when missing), and subscriptions in every state (pending, active, suspended,
 * rejected, cancelled) delivering to the demo EMR. Registered at seeding time, so valid on any date.
 */
@Component
@Order(60)
@ConditionalOnExpression("${medops.demo:false} and '${medops.roles:console,gateway,integration}'.contains('integration')")
class DemoRegistry implements DemoData {

    private record Topic(String code, String name, String system, String kind, String type, String version,
                         String sample) {
    }

    private static final List<Topic> TOPICS = List.of(
            new Topic("his-adt-a01", "入院登记", "HIS", "TOPIC", "ADT^A01", "2.5.1",
                    "MSH|^~\\&|HIS|HOSP|ESB|HOSP|20260101080000||ADT^A01|MSG0001|P|2.5.1\rPID|1||P100234^^^HOSP^MR||张伟||19800101|M"),
            new Topic("his-adt-a03", "出院登记", "HIS", "TOPIC", "ADT^A03", "2.5.1", null),
            new Topic("his-orm-o01", "医嘱下达", "HIS", "TOPIC", "ORM^O01", "2.5.1", null),
            new Topic("his-patient-query", "患者信息查询", "HIS", "SERVICE", "QRY^A19", "2.5.1", null),
            new Topic("lis-oru-r01", "检验报告发布", "LIS", "TOPIC", "ORU^R01", "2.5.1", null),
            new Topic("lis-critical", "危急值", "LIS", "TOPIC", "ORU^R01", "2.5.1", null),
            new Topic("pacs-report", "影像报告发布", "PACS", "TOPIC", "ORU^R01", "2.5.1", null),
            new Topic("emr-document", "病历文书归档", "EMR", "TOPIC", "MDM^T02", "2.5.1", null),
            new Topic("yb-settlement-query", "医保结算查询", "YB", "SERVICE", "JSON", "1.0",
                    "{\"psn_no\": \"...\", \"setl_id\": \"...\"}"),
            new Topic("tj-report", "体检报告发布", "TJ", "TOPIC", "JSON", "1.0",
                    "{\"examNo\": \"TJ2026...\", \"conclusion\": \"...\"}"),
            new Topic("ssmz-surgery-status", "手术状态变更", "SSMZ", "TOPIC", "JSON", "1.0",
                    "{\"operationNo\": \"...\", \"status\": \"入室\"}"));

    private final IntegrationRegistry registry;
    private final OpsdeskSystems systems;
    private final int emrPort;

    DemoRegistry(IntegrationRegistry registry, OpsdeskSystems systems,
                 @Value("${medops.demo-emr-port:9091}") int emrPort) {
        this.registry = registry;
        this.systems = systems;
        this.emrPort = emrPort;
    }

    @Override
    public String name() {
        return "integration service registry";
    }

    @Override
    public void seed() {
        if (systems.find("TJ").isEmpty()) {
            systems.save(new OpsdeskSystems.OpsdeskSystem("TJ", "体检系统", true));
        }
        if (systems.find("SSMZ").isEmpty()) {
            systems.save(new OpsdeskSystems.OpsdeskSystem("SSMZ", "手麻系统", true));
        }
        for (Topic t : TOPICS) {
            registry.registerOnce(t.code(), t.name(), t.system(), t.kind(), t.type(), t.version(), t.sample(), "admin",
                    "demo");
        }
        if (registry.hasSubscriptions("his-adt-a01")) {
            return;
        }
        subscription("his-adt-a01", "EMR", "adt", "approve");
        subscription("his-adt-a01", "LIS", "adt-lis", "approve");
        subscription("his-adt-a01", "PACS", "adt-pacs", "approve", "suspend");
        subscription("his-adt-a01", "TJ", "adt-tj");
        subscription("lis-oru-r01", "EMR", "lab", "approve");
        subscription("lis-critical", "EMR", "critical", "approve");
        subscription("lis-critical", "SSMZ", "critical-ssmz");
        subscription("pacs-report", "EMR", "pacs", "approve");
        subscription("tj-report", "HIS", "tj", "reject");
        subscription("ssmz-surgery-status", "HIS", "surgery", "approve");
        subscription("ssmz-surgery-status", "EMR", "surgery-emr", "approve", "cancel");
    }

    private void subscription(String topic, String system, String path, String... steps) {
        long id = registry.subscribe(topic, system, """
                {"type": "HTTP", "url": "http://127.0.0.1:%d/emr/registry/%s"}""".formatted(emrPort, path), null,
                "engineer");
        for (String step : steps) {
            registry.move(id, step, "admin");
        }
    }
}
