package org.medops.integration.interop;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Every shipped sample is valid by the shipped schema and names its own interaction; a broken one is not. */
class InteropCatalogueTest {

    private final InteropCatalogue catalogue = new InteropCatalogue();

    @Test
    void everyShippedSampleIsValidAndNamesItsInteraction() throws Exception {
        int samples = 0;
        for (InteropCatalogue.Entry entry : catalogue.entries()) {
            if (!entry.hl7v3()) {
                continue;
            }
            String sample = catalogue.sample(entry.route()).orElseThrow(() -> new AssertionError("no sample " + entry.route()));
            assertThat(catalogue.validates(entry.route())).as(entry.route()).isTrue();
            assertThat(catalogue.violation(sample)).as(entry.route()).isEmpty();
            V3Message message = V3Message.parse(sample);
            assertThat(message.root()).isEqualTo(entry.route());
            assertThat(message.interactionId()).isEqualTo(entry.route());
            assertThat(message.messageId()).isNotBlank();
            samples++;
        }
        assertThat(samples).isEqualTo(9);
        assertThat(V3Message.parse(catalogue.sample("PRPA_IN201311UV02").orElseThrow()).patientId()).contains("P000123");
        assertThat(V3Message.parse(catalogue.sample("PRPA_IN201305UV02").orElseThrow()).patientId()).contains("P000123");
    }

    @Test
    void aMessageWithoutItsWrapperFieldsViolatesTheSchema() {
        String sample = catalogue.sample("PRPA_IN400001UV").orElseThrow()
                .replace("<creationTime value=\"20260101083000\"/>", "<creationTime value=\"yesterday\"/>");
        assertThat(catalogue.violation(sample)).get().asString().startsWith("schema violation").doesNotContain("yesterday");
        String noSender = catalogue.sample("POOR_IN200901UV").orElseThrow().replaceAll("(?s)<sender.*?</sender>", "");
        assertThat(catalogue.violation(noSender)).get().asString().contains("sender");
    }

    @Test
    void aFreshSampleHasANewMessageId() throws Exception {
        String sample = catalogue.sample("PRPA_IN201311UV02").orElseThrow();
        String fresh = InteropSamples.fresh(sample);
        assertThat(V3Message.parse(fresh).messageId()).startsWith("TEST-").isNotEqualTo(V3Message.parse(sample).messageId());
    }
}
