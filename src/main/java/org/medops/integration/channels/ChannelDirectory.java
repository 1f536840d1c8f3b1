package org.medops.integration.channels;

import java.util.List;
import java.util.Optional;

import org.medops.shared.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;

/** Reading channels: what is stored, what runs, and the document parsed from its text. */
@Service
public class ChannelDirectory {

    private final ChannelStore channels;

    ChannelDirectory(ChannelStore channels) {
        this.channels = channels;
    }

    public Optional<StoredChannel> find(String code) {
        return channels.find(code);
    }

    public StoredChannel get(String code) {
        return find(code).orElseThrow(() -> ProblemException.notFound("integration-channel", code));
    }

    public List<StoredChannel> all() {
        return channels.all();
    }

    public List<ChannelVersion> versions(String code) {
        return channels.versions(code);
    }

    public String document(String code, int version) {
        return channels.document(code, version)
                .orElseThrow(() -> ProblemException.notFound("integration-channel-version", code + " v" + version));
    }

    public List<ChannelState> states() {
        return channels.states();
    }

    /** The channel with its effective document, for a node that deploys it. */
    public Optional<DeployedChannel> deployed(String code) {
        return find(code).map(c -> new DeployedChannel(new ChannelState(c.code(), c.version(), c.enabled()),
                parse(c.document()).withCode(c.code()).effective()));
    }

    public static ChannelDocument parse(String text) {
        try {
            ChannelDocument document = DocumentFormat.of(text).mapper().readValue(text, ChannelDocument.class);
            if (document == null) {
                throw ProblemException.invalid("integration-channel-json", "empty");
            }
            return document;
        } catch (JacksonException e) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "integration-channel-json", e.getOriginalMessage());
        }
    }
}
