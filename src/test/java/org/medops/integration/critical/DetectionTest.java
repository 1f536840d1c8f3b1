package org.medops.integration.critical;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DetectionTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    static String oru(String... obx) {
        StringBuilder m = new StringBuilder("MSH|^~\\&|LIS|检验科|HIS|HOSP|20261202083000||ORU^R01|C1|P|2.5.1\r"
                + "PID|1||P100^^^HOSP^MR||李^四\r"
                + "PV1|1|I|ICU^01||||D9^赵^医生\r"
                + "OBR|1|||CBC||||||||||||||||||20261202082500|||F\r");
        for (String o : obx) {
            m.append(o).append('\r');
        }
        return m.toString();
    }

    Detection detection(Set<String> flags, Detection.Rule... rules) {
        Map<String, Detection.Rule> byCode = new java.util.HashMap<>();
        for (Detection.Rule r : rules) {
            byCode.put(r.itemCode(), r);
        }
        return new Detection(flags, byCode, SHANGHAI);
    }

    @Nested
    class Flags {

        @Test
        void hhLlAndAaAreCriticalAndHOrNormalAreNot() {
            List<Finding> found = detection(Set.of("HH", "LL", "AA")).findings(oru(
                    "OBX|1|NM|K^血钾||6.9|mmol/L|3.5-5.5|HH",
                    "OBX|2|NM|NA^血钠||150|mmol/L|135-145|H",
                    "OBX|3|NM|CA^血钙||1.2|mmol/L|2.1-2.6|ll",
                    "OBX|4|ST|XR^胸片||气胸|||AA",
                    "OBX|5|NM|CL^血氯||100|mmol/L|96-106|N"));
            assertThat(found).extracting(Finding::setId).containsExactly("1", "3", "4");
            assertThat(found).extracting(Finding::flag).containsExactly("HH", "LL", "AA");
            Finding k = found.get(0);
            assertThat(k.patient()).isEqualTo(new Finding.Patient("P100", "李四"));
            assertThat(k.item()).isEqualTo(new Finding.Item("K", "血钾"));
            assertThat(k.value()).isEqualTo("6.9");
            assertThat(k.unit()).isEqualTo("mmol/L");
            assertThat(k.referenceRange()).isEqualTo("3.5-5.5");
            assertThat(k.reporter().department()).isEqualTo("检验科");
            assertThat(k.orderer().ward()).isEqualTo("ICU");
            assertThat(k.orderer().clinician()).isEqualTo("赵医生");
            assertThat(k.orderer().clinicianId()).isEqualTo("D9");
            assertThat(k.reportedAt()).isEqualTo(Instant.parse("2026-12-02T00:25:00Z"));
        }

        @Test
        void panicFlagsCountOnlyWhenConfigured() {
            String message = oru("OBX|1|NM|K^血钾||>8.0|mmol/L|3.5-5.5|>");
            assertThat(detection(Set.of("HH", "LL", "AA")).findings(message)).isEmpty();
            assertThat(detection(Set.of("HH", "LL", "AA", ">", "<")).findings(message)).hasSize(1);
        }

        @Test
        void aMessageWithoutResultsOrNotHl7FindsNothing() {
            Detection d = detection(Set.of("HH"));
            assertThat(d.findings("MSH|^~\\&|HIS|H|EMR|H|20261202||ADT^A01|X|P|2.5.1\rPID|1||P1\r")).isEmpty();
            assertThat(d.findings("plain text")).isEmpty();
            assertThat(d.findings("")).isEmpty();
        }
    }

    @Nested
    class Rules {

        @Test
        void aValueOutsideAnItemsBoundsIsCriticalWhateverItsFlag() {
            Detection d = detection(Set.of("HH"), new Detection.Rule("GLU", new BigDecimal("2.8"), new BigDecimal("25")));
            List<Finding> found = d.findings(oru(
                    "OBX|1|NM|GLU^血糖||1.9|mmol/L|3.9-6.1|L",
                    "OBX|2|NM|GLU^血糖||26.5|mmol/L|3.9-6.1|",
                    "OBX|3|NM|GLU^血糖||2.8|mmol/L|3.9-6.1|L",
                    "OBX|4|ST|GLU^血糖||溶血|||"));
            assertThat(found).extracting(Finding::flag).containsExactly("LL", "HH");
            assertThat(found).extracting(Finding::setId).containsExactly("1", "2");
        }

        @Test
        void boundsReadComparatorsAndOneSidedRules() {
            Detection.Rule onlyHigh = new Detection.Rule("TNI", null, new BigDecimal("0.5"));
            assertThat(onlyHigh.outside(">10")).contains("HH");
            assertThat(onlyHigh.outside("0.1")).isEmpty();
            assertThat(onlyHigh.outside("阴性")).isEmpty();
        }
    }

    @Nested
    class JsonMessages {

        @Test
        void everyResultOfATopicMessageIsCriticalWithTheMessagesPatient() {
            List<Finding> found = detection(Set.of("HH")).findings("""
                    {"patient":{"id":"P9","name":"王五"},"orderer":{"department":"急诊科","ward":"EICU"},
                     "results":[{"item":{"code":"PLT"},"value":"12","flag":"LL"},{"itemCode":"CT","value":"脑出血"}]}""");
            assertThat(found).hasSize(2);
            assertThat(found.get(0).patient().name()).isEqualTo("王五");
            assertThat(found.get(0).flag()).isEqualTo("LL");
            assertThat(found.get(1).flag()).isEqualTo("AA");
            assertThat(found.get(1).setId()).isEqualTo("2");
            assertThat(found.get(1).orderer().department()).isEqualTo("急诊科");
        }
    }
}
