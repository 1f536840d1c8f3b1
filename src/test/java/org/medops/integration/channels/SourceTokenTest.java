package org.medops.integration.channels;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SourceTokenTest {

    static final String SECRET = "lis-secret-0123456789";

    @Test
    void aJsonDocumentIsStoredWithTheSecretHashedAndAHashIsKept() {
        String text = """
                {"name": "LIS", "source": {"type": "HTTP", "port": 6670, "token": "%s"},
                 "destinations": [{"name": "emr", "type": "HTTP", "url": "http://127.0.0.1:1/x"}]}""".formatted(SECRET);
        SourceToken.Hashed hashed = SourceToken.hashed(text, ChannelDirectory.parse(text));
        assertThat(hashed.text()).doesNotContain(SECRET).contains(SourceToken.hash(SECRET));
        assertThat(ChannelDirectory.parse(hashed.text()).source().token()).isEqualTo(SourceToken.hash(SECRET));
        assertThat(SourceToken.matches(hashed.document().source().token(), SECRET)).isTrue();
        assertThat(SourceToken.matches(hashed.document().source().token(), SECRET + "x")).isFalse();
        SourceToken.Hashed again = SourceToken.hashed(hashed.text(), ChannelDirectory.parse(hashed.text()));
        assertThat(again.text()).as("a hash is not hashed again").isEqualTo(hashed.text());
    }

    @Test
    void aYamlDocumentStaysYaml() {
        String text = """
                name: LIS
                source:
                  type: HTTP
                  port: 6670
                  token: %s
                destinations:
                  - name: emr
                    type: HTTP
                    url: http://127.0.0.1:1/x
                """.formatted(SECRET);
        SourceToken.Hashed hashed = SourceToken.hashed(text, ChannelDirectory.parse(text));
        assertThat(hashed.text()).doesNotContain(SECRET).doesNotStartWith("{").contains("sha256:");
        assertThat(ChannelDirectory.parse(hashed.text()).source().token()).isEqualTo(SourceToken.hash(SECRET));
    }
}
