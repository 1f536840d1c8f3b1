package org.medops.integration.channels;

import java.util.List;
import java.util.Optional;

import org.medops.integration.scripts.Libraries;
import org.medops.shared.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Reading channels: what is stored, what runs, and the document parsed from its text. */
@Service
public class ChannelDirectory {

    /** Unknown fields are refused: a typo in a document must not be silently ignored. */
    private static final JsonMapper DOCUMENTS = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final ChannelStore channels;
    private final Libraries libraries;

    ChannelDirectory(ChannelStore channels, Libraries libraries) {
        this.channels = channels;
        this.libraries = libraries;
    }

    /**
     * A document that is not stored (the test console's), parsed and checked by the rules a save applies; its
     * code may be left out. Answers the effective document.
     */
    public ChannelDocument checked(String text) {
        ChannelDocument document = parse(text);
        String code = document.code() == null ? "test" : document.code();
        ChannelValidation.check(code, document, libraries::exists);
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
            ChannelDocument document = DOCUMENTS.readValue(text, ChannelDocument.class);
            if (document == null) {
                throw ProblemException.invalid("integration-channel-json", "empty");
            }
            return document;
        } catch (JacksonException e) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "integration-channel-json", e.getOriginalMessage());
        }
    }
}
