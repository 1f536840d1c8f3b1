package org.medops.integration.transform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.medops.integration.channels.ChannelDocument;
import org.medops.integration.hl7.Hl7Message;

class ProcessingTest {

    static final String ORU = "MSH|^~\\&|LIS|HOSP|EMR|HOSP|20261202083000||ORU^R01|L-9|P|2.5.1\r"
            + "PID|1||P42^^^HOSP^MR||赵^六||19800101|M\r"
            + "OBR|1||O-1|GLU^葡萄糖\r"
            + "OBX|1|NM|GLU^葡萄糖||5.6|mmol/L|3.9-6.1|N\r"
            + "OBX|2|NM|K^钾||6.8|mmol/L|3.5-5.5|HH\r";

    final Processing processing = new Processing();

    static ChannelDocument channel(String filter, ChannelDocument.Transformer transformer) {
        return new ChannelDocument("lab", "LIS", null, new ChannelDocument.Source("MLLP", 6000, null, null), filter,
                transformer, List.of(new ChannelDocument.Destination("emr", "HTTP", "http://x/", null, null, null, null)),
                null, null, null).effective();
    }

    @Test
    void mapsPathsConstantsAndCodeTablesIntoNestedJson() throws Exception {
        var steps = new ChannelDocument.Transformer(List.of(
                new ChannelDocument.Step("patient.id", "PID-3.1", null, null, null, null),
                new ChannelDocument.Step("patient.sex", "PID-8", null, null, Map.of("M", "男", "F", "女"), "未知"),
                new ChannelDocument.Step("patient.race", "PID-10", null, null, null, "未填"),
                new ChannelDocument.Step("second", "OBX[2]-5", null, null, null, null),
                new ChannelDocument.Step("system", null, "LIS", null, null, null),
                new ChannelDocument.Step("critical", null, null, "$count(OBX[`OBX-8` = 'HH'])", null, null)), null);
        Processed out = processing.process(channel(null, steps), Hl7Message.parse(ORU));
        assertThat(out.outcome()).isEqualTo(Processed.Outcome.PASSED);
        assertThat(out.transformed()).isEqualTo(
                "{\"patient\":{\"id\":\"P42\",\"sex\":\"男\",\"race\":\"未填\"},\"second\":\"6.8\",\"system\":\"LIS\",\"critical\":1}");
    }

    @Test
    void aJsonataTransformerSeesTheMessageAndTheStepsOutput() throws Exception {
        var transformer = new ChannelDocument.Transformer(List.of(
                new ChannelDocument.Step("id", "PID-3.1", null, null, null, null)),
                "{'patient': $steps.id, 'results': OBX.{'code': `OBX-3`.`OBX-3.1`, 'value': $number(`OBX-5`)}}");
        Processed out = processing.process(channel(null, transformer), Hl7Message.parse(ORU));
        assertThat(out.transformed()).isEqualTo(
                "{\"patient\":\"P42\",\"results\":[{\"code\":\"GLU\",\"value\":5.6},{\"code\":\"K\",\"value\":6.8}]}");
    }

    @Test
    void aFilterThatIsNotTrueFiltersTheMessage() throws Exception {
        Hl7Message m = Hl7Message.parse(ORU);
        assertThat(processing.process(channel("MSH.`MSH-9`.`MSH-9.1` = 'ORU'", null), m).outcome())
                .isEqualTo(Processed.Outcome.PASSED);
        assertThat(processing.process(channel("MSH.`MSH-9`.`MSH-9.1` = 'ADT'", null), m).outcome())
                .isEqualTo(Processed.Outcome.FILTERED);
        assertThat(processing.process(channel("ZZZ.`ZZZ-1`", null), m).outcome()).as("no result").isEqualTo(Processed.Outcome.FILTERED);
    }

    @Test
    void aFailingExpressionFailsTheMessageWithAReason() throws Exception {
        Processed out = processing.process(channel("$number('x') > 1", null), Hl7Message.parse(ORU));
        assertThat(out.outcome()).isEqualTo(Processed.Outcome.FAILED);
        assertThat(out.error()).startsWith("filter failed");
    }

    @Test
    void withoutATransformerNothingIsTransformed() throws Exception {
        assertThat(processing.process(channel(null, null), Hl7Message.parse(ORU)).transformed()).isNull();
    }
}
