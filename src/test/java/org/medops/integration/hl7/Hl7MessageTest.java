package org.medops.integration.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class Hl7MessageTest {

    static final String ADT = "MSH|^~\\&|HIS|HOSP|EMR|HOSP|20261202083000||ADT^A01^ADT_A01|MSG00001|P|2.5.1|||||CHN|UNICODE UTF-8\r"
            + "EVN|A01|20261202083000\r"
            + "PID|1||100234^^^HOSP^MR~110101199003071234^^^CHN^NI||张^三||19900307|M|||北京市东城区\\T\\朝阳门^^北京||13800138000|||||||110101199003071234\r"
            + "PV1|1|I|ICU^01^02\r"
            + "ZPV|自定义|X1^X2&Y2\r";

    @Nested
    class Parsing {

        @Test
        void readsPathsWithComponentsRepetitionsAndSubcomponents() throws Exception {
            Hl7Message m = Hl7Message.parse(ADT);
            assertThat(m.controlId()).isEqualTo("MSG00001");
            assertThat(m.messageType()).isEqualTo("ADT^A01");
            assertThat(m.value("PID-3.1")).contains("100234");
            assertThat(m.value("PID-3(2).1")).contains("110101199003071234");
            assertThat(m.value("PID-3(2).5")).contains("NI");
            assertThat(m.value("PID-5.1")).contains("张");
            assertThat(m.value("ZPV-2.2.2")).contains("Y2");
            assertThat(m.value("PID-99")).isEmpty();
        }

        @Test
        void splittingKeepsEmptyPartsAtTheEdgesAndBetweenSeparators() {
            assertThat(Hl7Message.split("a||b|", '|')).containsExactly("a", "", "b", "");
            assertThat(Hl7Message.split("|", '|')).containsExactly("", "");
            assertThat(Hl7Message.split("", '|')).containsExactly("");
            assertThat(Hl7Message.split("abc", '|')).containsExactly("abc");
        }

        @Test
        void decodesEscapeSequences() throws Exception {
            assertThat(Hl7Message.parse(ADT).value("PID-11.1")).contains("北京市东城区&朝阳门");
        }

        @Test
        void keepsZSegmentsAndAcceptsLineFeedsBetweenSegments() throws Exception {
            Hl7Message m = Hl7Message.parse(ADT.replace("\r", "\n"));
            assertThat(m.segmentIds()).containsExactly("MSH", "EVN", "PID", "PV1", "ZPV");
            assertThat(m.value("ZPV-1")).contains("自定义");
        }

        @Test
        void aMissingControlIdIsEmptyNotAnError() throws Exception {
            Hl7Message m = Hl7Message.parse("MSH|^~\\&|LIS|H|||20261202||ORU^R01|||2.5.1\rOBX|1|NM|GLU||5.6\r");
            assertThat(m.controlId()).isEmpty();
            assertThat(m.messageType()).isEqualTo("ORU^R01");
        }

        @Test
        void refusesWhatIsNotHl7WithAReason() {
            assertThatThrownBy(() -> Hl7Message.parse("GET / HTTP/1.1")).isInstanceOf(Hl7Rejected.class)
                    .hasMessageContaining("MSH");
            assertThatThrownBy(() -> Hl7Message.parse("MSH|^~\\&|A|B|||||X|1|P|2.5\rthis is no segment"))
                    .isInstanceOf(Hl7Rejected.class).hasMessageContaining("segment 2");
            assertThatThrownBy(() -> Hl7Message.parse("MSH|^~\\&|A|B\r")).isInstanceOf(Hl7Rejected.class)
                    .hasMessageContaining("MSH-9");
        }
    }

    @Nested
    class JsonForm {

        @Test
        void namesFieldsComponentsAndRepetitionsByTheirPaths() throws Exception {
            var json = Hl7Message.parse(ADT).json();
            assertThat(json.get("MSH").get(0).get("MSH-9").get("MSH-9.1").asString()).isEqualTo("ADT");
            assertThat(json.get("PID").get(0).get("PID-3").get(1).get("PID-3.1").asString()).isEqualTo("110101199003071234");
            assertThat(json.get("PID").get(0).get("PID-8").asString()).isEqualTo("M");
            assertThat(json.get("ZPV").get(0).get("ZPV-2").get("ZPV-2.2").get("ZPV-2.2.1").asString()).isEqualTo("X2");
            assertThat(json.get("PID").get(0).has("PID-2")).as("empty fields are left out").isFalse();
        }
    }

    @Nested
    class Charsets {

        @Test
        void decodesGbkWhenMsh18SaysSo() throws Exception {
            String text = ADT.replace("UNICODE UTF-8", "GBK");
            String decoded = Hl7Charset.decode(text.getBytes(Charset.forName("GBK")), StandardCharsets.UTF_8);
            assertThat(Hl7Message.parse(decoded).value("PID-5.1")).contains("张");
        }

        @Test
        void usesTheChannelsCharsetWhenMsh18IsEmpty() throws Exception {
            String text = "MSH|^~\\&|LIS|H|||20261202||ORU^R01|1|P|2.5.1\rPID|||1||李^四\r";
            String decoded = Hl7Charset.decode(text.getBytes(Charset.forName("GBK")), Charset.forName("GBK"));
            assertThat(Hl7Message.parse(decoded).value("PID-5.1")).contains("李");
        }

        @Test
        void refusesBytesThatAreNotValidInTheDeclaredCharset() {
            byte[] gbk = ADT.getBytes(Charset.forName("GBK")); // but MSH-18 says UTF-8
            assertThatThrownBy(() -> Hl7Charset.decode(gbk, StandardCharsets.UTF_8)).isInstanceOf(Hl7Rejected.class)
                    .hasMessageContaining("UTF-8");
        }
    }

    @Nested
    class Acknowledgements {

        final Instant at = Instant.parse("2026-12-02T00:30:00Z");
        final ZoneId zone = ZoneId.of("Asia/Shanghai");

        @Test
        void acceptsWithTheApplicationsSwappedAndTheControlIdEchoed() throws Exception {
            Hl7Message ack = Hl7Message.parse(Ack.accept(Hl7Message.parse(ADT), "ACK1", at, zone));
            assertThat(ack.value("MSH-3")).contains("EMR");
            assertThat(ack.value("MSH-5")).contains("HIS");
            assertThat(ack.value("MSH-7")).contains("20261202083000");
            assertThat(ack.messageType()).isEqualTo("ACK^A01");
            assertThat(ack.value("MSA-1")).contains("AA");
            assertThat(ack.value("MSA-2")).contains("MSG00001");
            assertThat(ack.value("MSH-18")).contains("UNICODE UTF-8");
        }

        @Test
        void anErrorCarriesItsReasonInMsa3AndErr() throws Exception {
            Hl7Message ack = Hl7Message.parse(Ack.error(Hl7Message.parse(ADT), Ack.Code.AE, "filter failed: x|y", "A2", at, zone));
            assertThat(ack.value("MSA-1")).contains("AE");
            assertThat(ack.value("MSA-3")).contains("filter failed: x|y");
            assertThat(ack.value("ERR-8")).contains("filter failed: x|y");
            assertThat(ack.value("ERR-3.1")).contains("207");
        }

        @Test
        void rejectsGarbageWithAnArAndTheControlIdWhenOneIsThere() throws Exception {
            Hl7Message ack = Hl7Message.parse(Ack.reject("MSH|^~\\&|A|B|||||X|C-77|P\rgarbage", "segment 2 bad", "A3", at, zone));
            assertThat(ack.value("MSA-1")).contains("AR");
            assertThat(ack.value("MSA-2")).contains("C-77");
            assertThat(ack.value("MSA-3")).contains("segment 2 bad");
        }
    }

    @Nested
    class Masking {

        @Test
        void masksIdentifiersNamesAndIdCardNumbersWherEverTheyAppear() throws Exception {
            Hl7Message m = Hl7Message.parse(ADT);
            PatientMask mask = PatientMask.of(m);
            String masked = mask.apply(ADT);
            assertThat(masked).doesNotContain("110101199003071234", "100234", "13800138000")
                    .contains("1****************4", "MSG00001", "ICU", "|HIS|HOSP|EMR|HOSP|", "^^^HOSP^MR", "|*^*|")
                    .doesNotContain("北京市东城区", "张^三");
            assertThat(mask.apply("{\"patientId\":\"100234\"}")).isEqualTo("{\"patientId\":\"1****4\"}");
        }
    }
}
