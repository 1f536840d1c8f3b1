package org.medops.inspection.reports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.medops.inspection.ChecklistContributor;
import org.medops.inspection.rounds.RoundItem;
import org.medops.inspection.rounds.RoundSheet;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a signature covers, as one canonical JSON text: the round, every item with its value, threshold and evidence,
 * the findings, the remarks and the sign-off. Fields in a fixed order, times as ISO-8601 UTC text, so the same
 * report always gives the same bytes and its SHA-256 can be recomputed by anyone holding the text.
 */
final class ReportContent {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ReportContent() {
    }

    /** {@code checklist} is left out when empty, so reports signed before it existed keep their bytes and hash. */
    record Frozen(long round, String template, String startedAt, String finishedAt, List<Item> items,
                  List<Finding> findings, String remarks, Signature signOff,
                  @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ChecklistContributor.Entry> checklist) {
    }

    record Item(String target, String check, String result, String value, String threshold, String evidence,
                String checkedAt) {
    }

    record Signature(String signedBy, String name, String statement, String at) {
    }

    static String canonical(RoundSheet round, InspectionReport report, SignOff signOff,
                            List<ChecklistContributor.Entry> checklist) {
        List<Item> items = round.items().stream().map(ReportContent::item).toList();
        return JSON.writeValueAsString(new Frozen(round.id(), round.template() == null ? null : round.template().name(),
                text(round.startedAt()), text(round.finishedAt()), items, report.findings(), report.remarks(),
                new Signature(signOff.signedBy(), signOff.name(), signOff.statement(), text(signOff.at())), checklist));
    }

    static String sha256(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static Item item(RoundItem i) {
        return new Item(i.targetCode(), i.checkCode(), i.result().name(), i.value(), i.threshold(), i.evidence(),
                text(i.checkedAt()));
    }

    private static String text(Instant at) {
        return at == null ? null : at.toString();
    }
}
