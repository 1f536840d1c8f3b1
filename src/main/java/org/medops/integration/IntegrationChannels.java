package org.medops.integration;

import org.medops.integration.channels.ChannelBook;
import org.medops.integration.channels.ChannelDirectory;
import org.springframework.stereotype.Service;

/** The engine's API to other modules (the demo): put a channel document unless it is stored exactly so already. */
@Service
public class IntegrationChannels {

    private final ChannelDirectory directory;
    private final ChannelBook book;

    IntegrationChannels(ChannelDirectory directory, ChannelBook book) {
        this.directory = directory;
        this.book = book;
    }

    /** Saves the document (a new version) when it differs from the stored one; answers whether it did. */
    public boolean put(String code, String document, String actor) {
        if (directory.find(code).map(c -> c.document().equals(document)).orElse(false)) {
            return false;
        }
        book.save(code, document, actor);
        return true;
    }
}
