package org.medops.integration.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.medops.integration.store.Outgoing;

class ConnectorTextsTest {

    static final String ADT = "MSH|^~\\&|HIS|HOSP|EMR|HOSP|20261202083000||ADT^A01^ADT_A01|C-9|P|2.5.1\r"
            + "PID|1||P100234^^^HOSP^MR||王小红^^^^^^L||19900307|F|||||13800138000|||||||110101199003071234\r";

    @Nested
    class NotifyTemplates {

        @Test
        void showsAFieldTheTemplateAsksForAndMasksIdentifiersInTheBody() {
            String text = NotifySender.render("${PID-5.1} ${controlId} #${messageId} ${channel}: ${body}",
                    new Outgoing(42, "adt", "C-9", ADT, null));
            assertThat(text).startsWith("王小红 C-9 #42 adt: MSH|").contains("ADT^A01")
                    .doesNotContain("P100234", "110101199003071234", "13800138000");
        }

        @Test
        void readsDottedPathsOfTheTransformedJsonAndMasksTheBody() {
            String text = NotifySender.render("${patient.id} ${nope} ${body}",
                    new Outgoing(7, "lis", "db-1", "{\"a\":1}", "{\"patient\":{\"id\":\"P1\"}}"));
            assertThat(text).isEqualTo("P1  {\"patient\":{\"id\":\"P*\"}}");
        }

        @Test
        void hidesABodyThatIsNoDataItCanRead() {
            String text = NotifySender.render("${body}", new Outgoing(7, "lis", "db-1", "x", "患者张三 病情危重"));
            assertThat(text).isEqualTo("(9 characters)");
        }
    }

    @Nested
    class FhirOutcomes {

        @Test
        void joinsTheDiagnosticsOfEveryIssue() {
            assertThat(FhirSender.diagnostics("""
                    {"resourceType":"OperationOutcome","issue":[{"diagnostics":"a"},{"details":{"text":"b"}}]}"""))
                    .isEqualTo("a; b");
        }

        @Test
        void answersNothingForABodyThatIsNoOperationOutcome() {
            assertThat(FhirSender.diagnostics("{\"resourceType\":\"Patient\"}")).isNull();
            assertThat(FhirSender.diagnostics("<html>")).isNull();
        }
    }
}
