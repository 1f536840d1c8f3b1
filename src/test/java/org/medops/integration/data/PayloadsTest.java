package org.medops.integration.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PayloadsTest {

    @Nested
    class Json {

        @Test
        void readsDottedPathsWithIndexes() throws Exception {
            Payload p = Payloads.parse(DataType.JSON, "{\"patient\": {\"id\": \"P1\"}, \"results\": [{\"v\": 1}, {\"v\": 2.5}]}");
            assertThat(p.value("patient.id")).hasValue("P1");
            assertThat(p.value("results[1].v")).hasValue("2.5");
            assertThat(p.value("results[0]")).hasValue("{\"v\":1}");
            assertThat(p.value("results[5].v")).isEmpty();
            assertThat(p.value("nope.x")).isEmpty();
            assertThat(p.json()).isInstanceOf(Map.class);
        }

        @Test
        void refusesMalformedJsonNamingWhereItBroke() {
            assertThatThrownBy(() -> Payloads.parse(DataType.JSON, "{\"a\": [1, 2"))
                    .isInstanceOf(PayloadRejected.class).hasMessageStartingWith("not JSON: malformed at line 1");
            assertThatThrownBy(() -> Payloads.parse(DataType.JSON, "  ")).isInstanceOf(PayloadRejected.class);
        }

        @Test
        void pathsAreChecked() {
            assertThat(DataType.JSON.isPath("rows[0].K")).isTrue();
            assertThat(DataType.JSON.isPath("a..b")).isFalse();
            assertThat(DataType.JSON.isPath("a[x]")).isFalse();
            assertThat(DataType.HL7V2.isPath("PID-3.1")).isTrue();
            assertThat(DataType.HL7V2.isPath("patient.id")).isFalse();
        }
    }

    @Nested
    class Xml {

        @Test
        void mapsElementsAttributesRepeatsAndText() throws Exception {
            Payload p = Payloads.parse(DataType.XML, """
                    <order no="7"><patient id="P-5">王五</patient><test>GLU</test><test>K</test><note/></order>""");
            assertThat(p.messageType()).isEqualTo("order");
            assertThat(p.json()).isEqualTo(Map.of("order", Map.of("@no", "7",
                    "patient", Map.of("@id", "P-5", "#text", "王五"), "test", List.of("GLU", "K"), "note", "")));
            assertThat(p.value("order.test[1]")).hasValue("K");
            assertThat(p.value("order.patient.@id")).hasValue("P-5");
        }

        @Test
        void refusesMalformedXmlAndDoctypes() {
            assertThatThrownBy(() -> Payloads.parse(DataType.XML, "<a><b></a>")).hasMessageStartingWith("not XML");
            assertThatThrownBy(() -> Payloads.parse(DataType.XML,
                    "<!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a>&x;</a>")).hasMessageStartingWith("not XML");
        }
    }

    @Nested
    class DelimitedText {

        @Test
        void rowsByHeaderWithTabsOrCommasAndQuotes() throws Exception {
            Payload tsv = Payloads.parse(DataType.DELIMITED, "项目\t结果\n钾\t4.2\n\n钠\t140\n");
            assertThat(tsv.json()).isEqualTo(Map.of("rows", List.of(Map.of("项目", "钾", "结果", "4.2"),
                    Map.of("项目", "钠", "结果", "140"))));
            Payload csv = Payloads.parse(DataType.DELIMITED, "code,text\r\nK,\"potassium, serum\"\r\nNA,\r\n");
            assertThat(csv.value("rows[0].text")).hasValue("potassium, serum");
            assertThat(csv.value("rows[1].text")).as("empty values are left out").isEmpty();
        }

        @Test
        void refusesRowsWiderThanTheHeaderAndEmptyText() {
            assertThatThrownBy(() -> Payloads.parse(DataType.DELIMITED, "a,b\n1,2,3\n"))
                    .hasMessageContaining("line 2 has 3 values, the header names 2");
            assertThatThrownBy(() -> Payloads.parse(DataType.DELIMITED, "\n\n")).hasMessageContaining("no header");
            assertThatThrownBy(() -> Payloads.parse(DataType.DELIMITED, "a,\"b\n1,2\n")).hasMessageContaining("not closed");
        }
    }

    @Nested
    class FhirR4 {

        @Test
        void aValidResourceIsReadWithItsTypeAndId() throws Exception {
            Payload p = Payloads.parse(DataType.FHIR,
                    "{\"resourceType\": \"Patient\", \"id\": \"p1\", \"name\": [{\"family\": \"张\"}]}");
            assertThat(p.messageType()).isEqualTo("Patient");
            assertThat(p.controlId()).isEqualTo("p1");
            assertThat(p.value("name[0].family")).hasValue("张");
        }

        @Test
        void anInvalidResourceIsRefused() {
            assertThatThrownBy(() -> Payloads.parse(DataType.FHIR, "{\"resourceType\": \"Patient\", \"gender\": \"robot\"}"))
                    .hasMessageStartingWith("not a valid FHIR R4 resource");
            assertThatThrownBy(() -> Payloads.parse(DataType.FHIR, "{\"resourceType\": \"Nonsense\"}"))
                    .hasMessageStartingWith("not a valid FHIR R4 resource");
            assertThatThrownBy(() -> Payloads.parse(DataType.FHIR, "{\"a\": 1}")).isInstanceOf(PayloadRejected.class);
        }
    }
}
