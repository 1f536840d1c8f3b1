package org.medops.integration.channels;

import java.util.List;

import org.medops.integration.scripts.Libraries;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The rules a channel document is checked by, with what they need to know about the rest of the platform: which
 * JDBC and notify targets and which code libraries exist. Saving and the test console check through here.
 */
@Component
class ChannelRules {

    /** Looked up at each check: the target registries read channels themselves (to refuse deleting a used one). */
    private final ObjectProvider<ChannelReferences> references;
    private final Libraries libraries;

    ChannelRules(ObjectProvider<ChannelReferences> references, Libraries libraries) {
        this.references = references;
        this.libraries = libraries;
    }

    void check(String code, ChannelDocument document) {
        List<ChannelReferences> known = references.orderedStream().toList();
        ChannelValidation.check(code, document, known, libraries::exists);
    }
}
