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
    private final ChannelRules rules;

    ChannelDirectory(ChannelStore channels, ChannelRules rules) {
        this.channels = channels;
        this.rules = rules;
    }

    /**
     * A document that is not stored (the test console's), parsed and checked by the rules a save applies; its
     * code may be left out. Answers the effective document.
     */
    public ChannelDocument checked(String text) {
        ChannelDocument document = parse(text);
        String code = document.code() == null ? "test" : document.code();
        rules.check(code, document);
        return document.withCode(code).effective();
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
