package org.medops.integration.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;

import org.junit.jupiter.api.Test;

/** The WS-Security UsernameToken parts that need no server: the digest formula and reading the token from a header. */
class UsernameTokenTest {

    @Test
    void digestIsBase64OfSha1OfNonceCreatedAndPassword() {
        // Computed independently (Python hashlib) for this nonce, time and a password with non-ASCII characters.
        assertThat(SystemCredentials.digest(Base64.getDecoder().decode("LKqI6G/AikKCQrN0zqZFlg=="),
                "2010-09-16T07:50:45Z", "密码password")).isEqualTo("XL3RqdO23mE04RWsFC7JF+sz8sQ=");
    }

    @Test
    void readsTheTokenFromTheEnvelopeHeader() throws Exception {
        String envelope = InteropCallersIT.soap("""
                <wsse:UsernameToken><wsse:Username>HIS</wsse:Username>
                <wsse:Password Type="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest">abc=</wsse:Password>
                <wsse:Nonce>bm9uY2U=</wsse:Nonce><wsu:Created>2026-12-03T08:00:00Z</wsu:Created></wsse:UsernameToken>""",
                "PRPA_IN201311UV02", "<x/>");
        Soap.Call call = Soap.read(envelope, "text/xml");
        assertThat(call.token()).isEqualTo(new SystemCredentials.Token("HIS", "abc=", true, "bm9uY2U=",
                "2026-12-03T08:00:00Z"));
        assertThat(Soap.read(InteropCallersIT.soap(null, "PRPA_IN201311UV02", "<x/>"), "text/xml").token()).isNull();
    }

    @Test
    void basicCredentialsAreSplitAtTheFirstColon() {
        String header = "Basic " + Base64.getEncoder().encodeToString("LIS:pa:ss".getBytes());
        assertThat(InteropService.basic(header)).isEqualTo(new SystemCredentials.Basic("LIS", "pa:ss"));
        assertThat(InteropService.basic("Bearer x")).isNull();
        assertThat(InteropService.basic("Basic !!!")).isEqualTo(new SystemCredentials.Basic("", ""));
    }
}
