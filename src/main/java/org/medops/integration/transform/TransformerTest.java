package org.medops.integration.transform;

import org.medops.integration.channels.ChannelDirectory;
import org.medops.integration.channels.ChannelDocument;
import org.medops.integration.hl7.Hl7Message;
import org.medops.integration.hl7.Hl7Rejected;
import org.medops.shared.ProblemException;
import org.springframework.stereotype.Service;

/**
 * 转换测试: a sample message through a channel's stages — a stored channel's current document, or a document
 * being edited (checked as a save would check it) — with nothing stored or sent.
 */
@Service
public class TransformerTest {

    private final ChannelDirectory channels;
    private final Processing processing;

    TransformerTest(ChannelDirectory channels, Processing processing) {
        this.channels = channels;
        this.processing = processing;
    }

    public Trial run(String document, String code, String message) {
        if (message == null || message.isBlank()) {
            throw ProblemException.invalid("integration-test-message");
        }
        ChannelDocument channel;
        if (document != null && !document.isBlank()) {
            channel = channels.checked(document);
        } else if (code != null && !code.isBlank()) {
            channel = channels.deployed(code).orElseThrow(() -> ProblemException.notFound("integration-channel", code))
                    .document();
        } else {
            throw ProblemException.invalid("integration-test-channel");
        }
        Hl7Message parsed;
        try {
            parsed = Hl7Message.parse(message.replace("\r\n", "\r").replace('\n', '\r'));
        } catch (Hl7Rejected e) {
            throw ProblemException.invalid("integration-test-not-hl7", e.getMessage());
        }
        return processing.test(channel, parsed);
    }
}
