package org.medops.records.archive;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.medops.identity.People;
import org.medops.opsdesk.HospitalZone;
import org.medops.opsdesk.RepairRecords;
import org.medops.records.ArchiveSource;
import org.medops.records.RecordPdf;
import org.springframework.stereotype.Component;

/**
 * The ops desk's fault-location reports and repair confirmations as archive documents, one per ticket cycle: the
 * text as written and as signed, so a reopened ticket's earlier confirmation stays archived beside the new one.
 * The system is the ticket's first; the confirmation is signed by the hospital's confirmer. Printed as PDF.
 */
@Component
class RepairDocumentSource implements ArchiveSource {

    static final String LOCATION_TYPE = "LOCATION_REPORT";
    static final String CONFIRMATION_TYPE = "REPAIR_CONFIRMATION";
    private static final String TEXT = "text/plain; charset=UTF-8";

    private final RepairRecords repairs;
    private final People people;
    private final HospitalZone zone;
    private final RecordPdf pdf;

    RepairDocumentSource(RepairRecords repairs, People people, HospitalZone zone, RecordPdf pdf) {
        this.pdf = pdf;
        this.repairs = repairs;
        this.people = people;
        this.zone = zone;
    }

    @Override
    public List<Document> documents(Instant from, Instant to) {
        List<Document> documents = new ArrayList<>();
        for (RepairRecords.Location l : repairs.locatedBetween(from, to)) {
            String text = "故障定位报告\n工单：" + l.number() + " " + l.title() + "\n系统：" + String.join("、", l.systems())
                    + "\n处理轮次：第 " + l.cycle() + " 次\n定位人：" + people.name(l.locatedBy()) + "\n定位时间："
                    + minutes(l.locatedAt()) + "\n\n一、故障原因\n" + l.rootCause() + "\n\n二、影响范围\n" + l.impact()
                    + "\n\n三、修复优先级\n" + l.fixPriority() + "\n\n四、风险\n" + l.risk() + "\n";
            documents.add(document("location:" + l.ticketId() + ":" + l.cycle(), LOCATION_TYPE, l.systems(),
                    "故障定位报告 " + l.number() + " " + l.title(), l.cycle(), l.locatedAt(), l.locatedBy(), null,
                    "location-report-" + l.number() + "-" + l.cycle() + ".txt", text));
        }
        for (RepairRecords.Confirmation c : repairs.confirmedBetween(from, to)) {
            String text = "故障修复确认单\n工单：" + c.number() + " " + c.title() + "\n系统：" + String.join("、", c.systems())
                    + "\n处理轮次：第 " + c.cycle() + " 次\n\n一、修复情况\n" + (c.fixSummary() == null ? "—" : c.fixSummary())
                    + "\n修复人：" + (c.fixedBy() == null ? "—" : people.name(c.fixedBy())) + "　修复时间："
                    + (c.fixedAt() == null ? "—" : minutes(c.fixedAt())) + "\n\n二、院方确认\n" + c.statement()
                    + "\n确认人（签字）：" + c.confirmerName() + "　确认时间：" + minutes(c.confirmedAt()) + "\n";
            documents.add(document("repair-confirmation:" + c.ticketId() + ":" + c.cycle(), CONFIRMATION_TYPE,
                    c.systems(), "故障修复确认单 " + c.number() + " " + c.title(), c.cycle(), c.confirmedAt(), c.fixedBy(),
                    c.confirmerName(), "repair-confirmation-" + c.number() + "-" + c.cycle() + ".txt", text));
        }
        return documents;
    }

    private Document document(String key, String type, List<String> systems, String title, int cycle,
                                     Instant at, String author, String signedBy, String fileName, String text) {
        return pdf.asPdf(new Document(key, type, systems.isEmpty() ? null : systems.get(0), title,
                String.valueOf(cycle), at, author, signedBy, fileName, TEXT, text.getBytes(StandardCharsets.UTF_8)));
    }

    private String minutes(Instant at) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone.get()).format(at);
    }
}
