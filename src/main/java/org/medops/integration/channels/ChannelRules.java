package org.medops.integration.channels;

import java.util.List;

import org.medops.integration.scripts.Libraries;
import org.springframework.stereotype.Component;

/**
 * The rules a channel document is checked by, with what they need to know about the rest of the platform: which
 * JDBC and notify targets and which code libraries exist. Saving and the test console check through here.
 */
@Component
class ChannelRules {

    private final List<ChannelReferences> references;
    private final Libraries libraries;

    ChannelRules(List<ChannelReferences> references, Libraries libraries) {
        this.references = List.copyOf(references);
        this.libraries = libraries;
    }

    void check(String code, ChannelDocument document) {
        ChannelValidation.check(code, document, references, libraries::exists);
    }
}
