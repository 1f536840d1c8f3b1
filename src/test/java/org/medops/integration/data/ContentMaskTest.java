package org.medops.integration.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ContentMaskTest {

    static String masked(String content) {
        return ContentMask.of(content).orElseThrow().apply(content);
    }

    @Nested
    class Json {

        @Test
        void masksThePatientsFieldsButNotAnItemsName() {
            String shown = masked("""
                    {"patient": {"name": "王小红", "id": "P20261202", "idCard": "110101199003071234"},
                     "联系电话": "13800138000",
                     "results": [{"name": "钾", "value": 4.2, "unit": "mmol/L"}]}""");
            assertThat(shown).doesNotContain("王小红", "P20261202", "110101199003071234", "13800138000")
                    .contains("王**", "\"钾\"", "4.2", "mmol/L");
        }

        @Test
        void masksAFhirPatientsIdentifiersNamesAndTelecomButNotTheirSystems() {
            String shown = masked("""
                    {"resourceType": "Patient", "id": "pat-778",
                     "identifier": [{"system": "urn:oid:2.16.156.10011.1.2", "value": "110101199003071234"}],
                     "name": [{"family": "李", "given": ["建国"]}],
                     "telecom": [{"system": "phone", "value": "13912345678"}], "gender": "male"}""");
            assertThat(shown).doesNotContain("110101199003071234", "建国", "13912345678", "pat-778")
                    .contains("urn:oid:2.16.156.10011.1.2", "\"phone\"", "male");
        }

        @Test
        void anObservationsPatientReferenceIsMaskedInsideItsSubject() {
            String shown = masked("""
                    {"resourceType": "Observation", "subject": {"reference": "Patient/pat-778", "display": "李建国"},
                     "code": {"text": "血钾"}, "valueQuantity": {"value": 6.8}}""");
            assertThat(shown).doesNotContain("李建国").contains("血钾", "6.8");
        }
    }

    @Test
    void masksAnHl7V3PatientsIdExtensionAndName() {
        String shown = masked("""
                <PRPA_IN201311UV02 xmlns="urn:hl7-org:v3"><controlActProcess><subject><registrationRequest>
                  <subject1><patient><id root="2.16.156.10011.1.11" extension="MZ0001234"/>
                    <patientPerson><name>赵敏</name><telecom value="13600001111"/></patientPerson></patient></subject1>
                </registrationRequest></subject></controlActProcess></PRPA_IN201311UV02>""");
        assertThat(shown).doesNotContain("MZ0001234", "赵敏", "13600001111").contains("2.16.156.10011.1.11");
    }

    @Test
    void masksTheColumnsOfDelimitedTextThatNameAPatient() {
        String shown = masked("样本号\t病历号\t姓名\t项目\t结果\nS-1\tMR88001\t孙悦\t钾\t4.2\n");
        assertThat(shown).doesNotContain("MR88001", "孙悦").contains("S-1", "钾", "4.2");
    }

    @Test
    void hl7IsMaskedByItsPidFields() {
        String shown = masked("MSH|^~\\&|HIS|H|EMR|H|20261202||ADT^A01|C1|P|2.5.1\rPID|1||P777^^^H^MR||周杰^^^^^^L\r");
        assertThat(shown).doesNotContain("P777", "周杰");
    }

    @Test
    void contentThatIsNoneOfThemYieldsNothing() {
        assertThat(ContentMask.of("<broken")).isEmpty();
        assertThat(ContentMask.of("{\"unterminated\": ")).isEmpty();
        assertThat(ContentMask.of("患者张三，身份证 110101199003071234")).as("free text").isEmpty();
    }
}
