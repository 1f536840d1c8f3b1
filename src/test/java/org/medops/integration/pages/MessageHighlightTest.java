package org.medops.integration.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.medops.integration.channels.ChannelDocument;
import org.medops.integration.store.DeliveryRow;
import org.medops.integration.store.MessageDetail;
import org.medops.integration.store.MessageStatus;

class MessageHighlightTest {

    static final String RAW = "MSH|^~\\&|HIS|HOSP|EMR|HOSP|20261202083000||ADT^A01|C-1|P|2.5.1\r"
            + "PID|1||P42^^^HOSP^MR||赵^六||19800101|M\r"
            + "OBX|1|NM|GLU||5.6\rOBX|2|NM|K||6.8\r";

    static MessageDetail message(String transformed, List<DeliveryRow> deliveries) {
        return new MessageDetail(1, "lab", MessageStatus.SENT, "C-1", "ADT^A01", Instant.EPOCH, RAW, transformed, null,
                null, deliveries, false);
    }

    static ChannelDocument channel(ChannelDocument.Step... steps) {
        return new ChannelDocument("lab", "LIS", null, new ChannelDocument.Source("MLLP", 6000, null, null), null,
                new ChannelDocument.Transformer(List.of(steps), null), List.of(), null);
    }

    @Test
    void marksTheFieldsTheStepsReadInTheRightSegmentOccurrence() {
        MessageHighlight h = MessageHighlight.of(message("{\"id\":\"P42\",\"k\":\"6.8\",\"app\":\"HIS\"}", List.of()),
                channel(new ChannelDocument.Step("id", "PID-3.1", null, null, null, null),
                        new ChannelDocument.Step("k", "OBX[2]-5", null, null, null, null),
                        new ChannelDocument.Step("app", "MSH-3", null, null, null, null)));
        assertThat(h.lines()).extracting(MessageHighlight.RawLine::segment).containsExactly("MSH", "PID", "OBX", "OBX");
        assertThat(marked(h.lines().get(0))).containsExactly("HIS=app");
        assertThat(marked(h.lines().get(1))).containsExactly("P42^^^HOSP^MR=id");
        assertThat(marked(h.lines().get(2))).isEmpty();
        assertThat(marked(h.lines().get(3))).containsExactly("6.8=k");
    }

    @Test
    void namesWhereEachOutputValueCameFrom() {
        MessageHighlight h = MessageHighlight.of(message("{\"p\":{\"sex\":\"男\"},\"sys\":\"LIS\"}", List.of()),
                channel(new ChannelDocument.Step("p.sex", "PID-8", null, null, Map.of("M", "男"), null),
                        new ChannelDocument.Step("sys", null, "LIS", null, null, null),
                        new ChannelDocument.Step("n", null, null, null, "return 1", null, null)));
        assertThat(h.values()).containsExactly(new MessageHighlight.OutputValue("p.sex", "男", "lookup", "PID-8"),
                new MessageHighlight.OutputValue("sys", "LIS", "constant", null),
                new MessageHighlight.OutputValue("n", null, "javascript", null));
    }

    @Test
    void diffsTextSentAgainstTheRawMessageLineByLine() {
        String sent = RAW.replace("OBX|1|NM|GLU||5.6\r", "").replace("2.5.1", "2.4") + "ZZZ|1\r";
        MessageHighlight h = MessageHighlight.of(message(null, List.of(
                new DeliveryRow("emr", "SENT", sent, "ok", 1, null, Instant.EPOCH, null),
                new DeliveryRow("json", "SENT", "{\"a\":1}", "ok", 1, null, Instant.EPOCH, null))), null);
        assertThat(h.diffs()).hasSize(1);
        assertThat(h.diffs().get(0).lines()).extracting(l -> l.kind().charAt(0) + " " + l.text().substring(0, 3))
                .containsExactly("r MSH", "a MSH", "s PID", "r OBX", "s OBX", "a ZZZ");
    }

    private static List<String> marked(MessageHighlight.RawLine line) {
        return line.fields().stream().filter(f -> f.readBy() != null).map(f -> f.text() + "=" + f.readBy()).toList();
    }
}
