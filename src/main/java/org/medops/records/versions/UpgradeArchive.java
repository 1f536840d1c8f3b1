package org.medops.records.versions;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.medops.records.ArchiveSource;
import org.medops.records.RecordPdf;
import org.springframework.stereotype.Component;

/**
 * Upgrades' assessment reports and upgrade plans for the archive: each document in its current revision, dated by
 * its last step (submitted, revised, agreed, sent back), signed by the hospital once agreed. The text is the
 * document as the hospital read it on the agreement page, printed as PDF.
 */
@Component
class UpgradeArchive implements ArchiveSource {

    static final String ASSESSMENT_TYPE = "ASSESSMENT_REPORT";
    static final String PLAN_TYPE = "UPGRADE_PLAN";

    private final Upgrades upgrades;
    private final RecordPdf pdf;

    UpgradeArchive(Upgrades upgrades, RecordPdf pdf) {
        this.upgrades = upgrades;
        this.pdf = pdf;
    }

    @Override
    public List<Document> documents(Instant from, Instant to) {
        List<Document> documents = new ArrayList<>();
        for (Upgrade u : upgrades.documentsDated(from, to)) {
            add(documents, u, UpgradeDocument.ASSESSMENT, from, to);
            add(documents, u, UpgradeDocument.PLAN, from, to);
        }
        return documents;
    }

    private void add(List<Document> documents, Upgrade u, UpgradeDocument which, Instant from, Instant to) {
        Upgrade.Review review = u.review(which);
        if (review.at().isBefore(from) || !review.at().isBefore(to)) {
            return;
        }
        boolean assessment = which == UpgradeDocument.ASSESSMENT;
        String signer = review.state() == DocumentState.AGREED
                ? upgrades.signer(u.id(), which, review.revision()).orElse(review.by()) : null;
        String name = assessment ? "评估报告" : "升级方案";
        String text = u.title() + " · " + name + "\n系统：" + u.systemCode() + "\n版本："
                + (u.fromVersion() == null ? "—" : u.fromVersion()) + " → " + u.targetVersion() + "\n变更：#" + u.changeId()
                + "\n修订：第 " + review.revision() + " 版\n\n" + (assessment ? u.assessment().text() : u.plan().text());
        documents.add(pdf.asPdf(new Document("upgrade:" + u.id() + ":" + which.code(), assessment ? ASSESSMENT_TYPE : PLAN_TYPE,
                u.systemCode(), u.title() + " " + name, "r" + review.revision(), review.at(), u.createdBy(), signer,
                "upgrade-" + u.id() + "-" + which.code() + "-r" + review.revision() + ".txt", "text/plain; charset=UTF-8",
                text.getBytes(StandardCharsets.UTF_8))));
    }
}
