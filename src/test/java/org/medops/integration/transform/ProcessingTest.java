package org.medops.integration.transform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.medops.integration.channels.ChannelDocument;
import org.medops.integration.hl7.Hl7Message;
import org.medops.integration.scripts.Sandbox;
import org.medops.integration.scripts.ScriptLimits;

class ProcessingTest {

    static final String ORU = "MSH|^~\\&|LIS|HOSP|EMR|HOSP|20261202083000||ORU^R01|L-9|P|2.5.1\r"
            + "PID|1||P42^^^HOSP^MR||赵^六||19800101|M\r"
            + "OBR|1||O-1|GLU^葡萄糖\r"
            + "OBX|1|NM|GLU^葡萄糖||5.6|mmol/L|3.9-6.1|N\r"
            + "OBX|2|NM|K^钾||6.8|mmol/L|3.5-5.5|HH\r";

    static final Map<String, String> LIBRARIES = Map.of("lab-utils",
            "function flag(v, low, high) { return v < low ? 'L' : v > high ? 'H' : 'N'; }");

    final Processing processing = new Processing(new Sandbox(ScriptLimits.DEFAULT),
            codes -> codes.stream().map(LIBRARIES::get).toList());

    static ChannelDocument.Destination http(String name) {
        return new ChannelDocument.Destination(name, "HTTP", "http://x/" + name, null, null, null, null);
    }

    static ChannelDocument.Destination staged(String name, String filter, String filterJavascript,
                                              ChannelDocument.Transformer transformer) {
        return new ChannelDocument.Destination(name, "HTTP", "http://x/" + name, null, null, null, null, null, null, null,
                null, null, null, null, filter, filterJavascript, transformer, null, null, null, null);
    }

    static ChannelDocument channel(String filterJavascript, ChannelDocument.Transformer transformer,
                                   List<ChannelDocument.Destination> destinations) {
        return new ChannelDocument("lab", "LIS", null, new ChannelDocument.Source("MLLP", 6000, null, null), null,
                filterJavascript, transformer, List.of("lab-utils"), destinations, null, null, null).effective();
    }

    static ChannelDocument.Step js(String to, String javascript) {
        return new ChannelDocument.Step(to, null, null, null, javascript, null, null);
    }

    static ChannelDocument channel(String filter, ChannelDocument.Transformer transformer) {
        return new ChannelDocument("lab", "LIS", null, new ChannelDocument.Source("MLLP", 6000, null, null), filter,
                transformer, List.of(new ChannelDocument.Destination("emr", "HTTP", "http://x/", null, null, null, null)),
                null).effective();
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

    @Test
    void filtersAndStepsWorkOverTheJsonFormOfOtherDataTypes() throws Exception {
        var transformer = new ChannelDocument.Transformer(List.of(
                new ChannelDocument.Step("sample", "rows[0].样本号", null, null, null, null),
                new ChannelDocument.Step("flag", "rows[1].标志", null, null, Map.of("H", "偏高"), "正常")),
                "{'sample': $steps.sample, 'flag': $steps.flag, 'count': $count(rows)}");
        var delimited = new ChannelDocument("dev", "device", null, new ChannelDocument.Source("FILE", null, null, "GBK",
                "DELIMITED", null, null, null, "/in", null, null, "DELETE", null, null, null, null), "$count(rows) > 1", transformer,
                List.of(new ChannelDocument.Destination("emr", "HTTP", "http://x/", null, null, null, null)), null)
                .effective();
        var payload = org.medops.integration.data.Payloads.parse(org.medops.integration.data.DataType.DELIMITED,
                "样本号\t项目\t结果\t标志\nBG1\tK\t6.1\tH\nBG1\tNa\t140\tH\n");
        Processed out = processing.process(delimited, payload);
        assertThat(out.transformed()).isEqualTo("{\"sample\":\"BG1\",\"flag\":\"偏高\",\"count\":2}");
        var single = org.medops.integration.data.Payloads.parse(org.medops.integration.data.DataType.DELIMITED,
                "样本号\t项目\nBG2\tK\n");
        assertThat(processing.process(delimited, single).outcome()).isEqualTo(Processed.Outcome.FILTERED);
    }

    @Nested
    class JavaScript {

        @Test
        void stepsReadTheMessageAndTheOutputSoFarAndCallLibraries() throws Exception {
            var transformer = new ChannelDocument.Transformer(List.of(
                    js("name", "return msg.PID[0]['PID-5']['PID-5.1'] + msg.PID[0]['PID-5']['PID-5.2']"),
                    js("greeting", "return '患者' + steps.name"),
                    js("potassium", "var k = msg.OBX[1]; return flag(Number(k['OBX-5']), 3.5, 5.5)")), null, null);
            Processed out = processing.process(channel(null, transformer, List.of(http("emr"))), Hl7Message.parse(ORU));
            assertThat(out.transformed()).isEqualTo("{\"name\":\"赵六\",\"greeting\":\"患者赵六\",\"potassium\":\"H\"}");
        }

        @Test
        void aJavascriptTransformerBuildsTheWholeOutput() throws Exception {
            var transformer = new ChannelDocument.Transformer(List.of(new ChannelDocument.Step("id", "PID-3.1", null,
                    null, null, null)), null, "return {patient: steps.id, results: msg.OBX.length}");
            assertThat(processing.process(channel(null, transformer, List.of(http("emr"))), Hl7Message.parse(ORU))
                    .transformed()).isEqualTo("{\"patient\":\"P42\",\"results\":2}");
        }

        @Test
        void aJavascriptFilterPassesOnlyOnTrue() throws Exception {
            Hl7Message m = Hl7Message.parse(ORU);
            assertThat(processing.process(channel("return msg.MSH[0]['MSH-9']['MSH-9.1'] === 'ORU'", null,
                    List.of(http("emr"))), m).outcome()).isEqualTo(Processed.Outcome.PASSED);
            assertThat(processing.process(channel("return 'yes'", null, List.of(http("emr"))), m).outcome())
                    .isEqualTo(Processed.Outcome.FILTERED);
        }

        @Test
        void aRunawayScriptErrorsTheMessageWithAClearReason() throws Exception {
            var transformer = new ChannelDocument.Transformer(List.of(js("x", "while (true) {}")), null, null);
            Processed out = processing.process(channel(null, transformer, List.of(http("emr"))), Hl7Message.parse(ORU));
            assertThat(out.outcome()).isEqualTo(Processed.Outcome.FAILED);
            assertThat(out.error()).isEqualTo("transformer failed: step 1 (x) failed: script stopped: CPU time over 1000 ms");
        }
    }

    @Nested
    class PerDestination {

        final ChannelDocument.Transformer channelSteps = new ChannelDocument.Transformer(List.of(
                new ChannelDocument.Step("id", "PID-3.1", null, null, null, null)), null);

        @Test
        void aDestinationWhoseFilterSaysNoIsFilteredAndTheOthersGetTheChannelsOutput() throws Exception {
            Processed out = processing.process(channel(null, channelSteps, List.of(http("emr"),
                    staged("adt-only", "MSH.`MSH-9`.`MSH-9.1` = 'ADT'", null, null))), Hl7Message.parse(ORU));
            assertThat(out.outcome()).isEqualTo(Processed.Outcome.PASSED);
            assertThat(out.transformed()).isEqualTo("{\"id\":\"P42\"}");
            assertThat(out.route("adt-only")).isEqualTo(new Processed.Route("adt-only", true, null));
            assertThat(out.route("emr")).isEqualTo(new Processed.Route("emr", false, null));
        }

        @Test
        void aDestinationsOwnTransformerSeesTheChannelsOutput() throws Exception {
            var own = new ChannelDocument.Transformer(List.of(js("patient", "return output.id"),
                    new ChannelDocument.Step("critical", null, null, "$count(OBX[`OBX-8` = 'HH'])", null, null)),
                    "{'p': $steps.patient, 'critical': $steps.critical, 'from': $output.id}");
            Processed out = processing.process(channel(null, channelSteps, List.of(http("emr"),
                    staged("icu", null, "return msg.OBX.some(function (o) { return o['OBX-8'] === 'HH'; })", own))),
                    Hl7Message.parse(ORU));
            assertThat(out.route("icu")).isEqualTo(new Processed.Route("icu", false,
                    "{\"p\":\"P42\",\"critical\":1,\"from\":\"P42\"}"));
        }

        @Test
        void withoutAChannelTransformerTheOutputIsTheRawMessage() throws Exception {
            var own = new ChannelDocument.Transformer(List.of(), null, "return output.split('\\r')[0]");
            Processed out = processing.process(channel(null, null, List.of(staged("emr", null, null, own))),
                    Hl7Message.parse(ORU));
            assertThat(out.transformed()).isNull();
            assertThat(out.route("emr").transformed()).isEqualTo("\"MSH|^~\\\\&|LIS|HOSP|EMR|HOSP|20261202083000||ORU^R01|L-9|P|2.5.1\"");
        }

        @Test
        void whenEveryDestinationSaysNoTheMessageIsFiltered() throws Exception {
            Processed out = processing.process(channel(null, null, List.of(staged("a", "false", null, null),
                    staged("b", null, "return false", null))), Hl7Message.parse(ORU));
            assertThat(out.outcome()).isEqualTo(Processed.Outcome.FILTERED);
        }

        @Test
        void aFailingDestinationStageErrorsTheMessageNamingTheDestination() throws Exception {
            Processed out = processing.process(channel(null, null, List.of(http("emr"),
                    staged("b", null, "throw new Error('no ward')", null))), Hl7Message.parse(ORU));
            assertThat(out.outcome()).isEqualTo(Processed.Outcome.FAILED);
            assertThat(out.error()).startsWith("destination b: filter failed:").contains("no ward");
        }

        @Test
        void theTrialListsEachStageAndStep() throws Exception {
            var own = new ChannelDocument.Transformer(List.of(js("a", "return 1"), js("b", "return nope")), null, null);
            Trial trial = processing.test(channel(null, channelSteps, List.of(staged("x", null, null, own))),
                    Hl7Message.parse(ORU));
            assertThat(trial.channel().steps()).extracting(Trial.StepOutput::step, s -> s.value().asString())
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "P42"));
            Trial.Stage x = trial.destinations().get(0);
            assertThat(x.steps()).hasSize(2);
            assertThat(x.steps().get(0).value().asInt()).isEqualTo(1);
            assertThat(x.steps().get(1).error()).startsWith("step 2 (b) failed:").contains("nope");
            assertThat(trial.outcome()).isEqualTo(Processed.Outcome.FAILED);
            assertThat(trial.message().get("PID").get(0).get("PID-8").asString()).isEqualTo("M");
        }
    }
}
