package org.medops.integration.devices;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class FieldDiffTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void matchesEachProcessedFieldToTheRawFieldItCameFrom() {
        Map<String, String> raw = FieldDiff.flatten(JSON.readTree("""
                {"rows": [{"样本号": "BG1", "项目": "pH", "结果": "7.30"}, {"样本号": "BG1", "项目": "K", "结果": "4.2"}]}"""));
        Map<String, String> sent = FieldDiff.flatten(JSON.readTree("""
                {"sample": "BG1", "device": "BGA-01", "results": [{"code": "pH", "value": 7.3}, {"code": "k", "value": 4.2}]}"""));
        FieldDiff diff = FieldDiff.of(raw, sent);
        assertThat(diff.processed()).extracting(FieldDiff.Row::processedPath, FieldDiff.Row::kind, FieldDiff.Row::rawPath)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("sample", FieldDiff.Kind.SAME, "rows[0].样本号"),
                        org.assertj.core.groups.Tuple.tuple("device", FieldDiff.Kind.ADDED, null),
                        org.assertj.core.groups.Tuple.tuple("results[0].code", FieldDiff.Kind.SAME, "rows[0].项目"),
                        org.assertj.core.groups.Tuple.tuple("results[0].value", FieldDiff.Kind.CHANGED, "rows[0].结果"),
                        org.assertj.core.groups.Tuple.tuple("results[1].code", FieldDiff.Kind.CHANGED, "rows[1].项目"),
                        org.assertj.core.groups.Tuple.tuple("results[1].value", FieldDiff.Kind.SAME, "rows[1].结果"));
        assertThat(diff.count(FieldDiff.Kind.CHANGED)).isEqualTo(2);
        assertThat(diff.dropped()).extracting(FieldDiff.Row::rawPath).containsExactly("rows[1].样本号");
    }

    @Test
    void numbersAreEquivalentByValueAndTextIsNot() {
        assertThat(FieldDiff.equivalent("7.30", "7.3")).isTrue();
        assertThat(FieldDiff.equivalent("140", "140.0")).isTrue();
        assertThat(FieldDiff.equivalent("7.31", "7.3")).isFalse();
        assertThat(FieldDiff.equivalent("BG1", "BG01")).isFalse();
        assertThat(FieldDiff.equivalent("", "")).isFalse();
    }

    @Test
    void hl7FieldsAreNamedByTheirPathsWithOccurrenceAndRepetition() {
        Map<String, String> fields = FieldDiff.flattenHl7(JSON.readTree("""
                {"PID": [{"PID-3": [{"PID-3.1": "P1", "PID-3.5": "MR"}, {"PID-3.1": "X9"}], "PID-8": "F"}],
                 "OBX": [{"OBX-5": "4.2"}, {"OBX-5": "140"}]}"""));
        assertThat(fields).containsExactlyInAnyOrderEntriesOf(Map.of("PID-3.1", "P1", "PID-3.5", "MR", "PID-3(2).1", "X9",
                "PID-8", "F", "OBX-5", "4.2", "OBX[2]-5", "140"));
    }

    @Test
    void masksAColumnInEveryRow() {
        Map<String, String> raw = new LinkedHashMap<>();
        raw.put("rows[0].病历号", "P123456");
        raw.put("rows[1].病历号", "P654321");
        raw.put("rows[0].结果", "7.3");
        Masker mask = Masker.of(List.of("rows[0].病历号"), raw, org.medops.integration.hl7.PatientMask.none());
        assertThat(mask.apply("P123456 P654321 7.3")).isEqualTo("P****** P****** 7.3");
        assertThat(Masker.mask("张")).isEqualTo("*");
    }
}
