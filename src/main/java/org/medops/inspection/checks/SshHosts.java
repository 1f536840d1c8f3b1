package org.medops.inspection.checks;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Hosts over SSH (Apache MINA sshd): one client for the process, a session per check, password or private key.
 * A target that names its host key fingerprint is held to it before any password is sent; one that does not is
 * accepted and the fingerprint seen is reported, so the engineer can pin it.
 */
@Component
class SshHosts implements DisposableBean {

    static final AttributeRepository.AttributeKey<String> EXPECTED = new AttributeRepository.AttributeKey<>();
    static final AttributeRepository.AttributeKey<String> SEEN = new AttributeRepository.AttributeKey<>();

    private final SshClient client;
    private final Duration connectTimeout;

    SshHosts(@Value("${medops.inspection.connect-timeout:5s}") Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
        this.client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(SshHosts::verify);
        client.start();
    }

    private static boolean verify(ClientSession session, java.net.SocketAddress remote, PublicKey key) {
        String seen = KeyUtils.getFingerPrint(key);
        session.setAttribute(SEEN, seen);
        String expected = session.getAttribute(EXPECTED);
        return expected == null || expected.equals(seen);
    }

    Session open(Endpoint endpoint) throws IOException {
        if (endpoint.host() == null || endpoint.username() == null) {
            throw new IOException("host and username are required");
        }
        int port = endpoint.port() == null ? 22 : endpoint.port();
        AttributeRepository context = endpoint.hostKey() == null ? AttributeRepository.ofAttributesMap(java.util.Map.of())
                : AttributeRepository.ofKeyValuePair(EXPECTED, endpoint.hostKey());
        ClientSession session = client.connect(endpoint.username(), endpoint.host(), port, context)
                .verify(connectTimeout).getSession();
        try {
            String password = endpoint.secretOf("password");
            String privateKey = endpoint.secretOf("privateKey");
            if (password != null) {
                session.addPasswordIdentity(password);
            }
            if (privateKey != null) {
                for (KeyPair pair : SecurityUtils.loadKeyPairIdentities(session, NamedResource.ofName("target-key"),
                        new ByteArrayInputStream(privateKey.getBytes(StandardCharsets.UTF_8)), null)) {
                    session.addPublicKeyIdentity(pair);
                }
            }
            session.auth().verify(connectTimeout);
            return new Session(session);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            String seen = session.getAttribute(SEEN);
            session.close(true);
            if (endpoint.hostKey() != null && seen != null && !endpoint.hostKey().equals(seen)) {
                throw new IOException("host key " + seen + " is not the pinned " + endpoint.hostKey());
            }
            throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
        }
    }

    @Override
    public void destroy() {
        client.stop();
    }

    /** One signed-in session; commands run one after another, each under the check's remaining time. */
    static final class Session implements AutoCloseable {

        private final ClientSession session;

        Session(ClientSession session) {
            this.session = session;
        }

        String fingerprint() {
            return session.getAttribute(SEEN);
        }

        Exec run(String command, Duration timeout) throws IOException {
            try (ChannelExec channel = session.createExecChannel(command)) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ByteArrayOutputStream err = new ByteArrayOutputStream();
                channel.setOut(out);
                channel.setErr(err);
                channel.open().verify(timeout);
                Set<ClientChannelEvent> events = channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED),
                        timeout.toMillis());
                if (events.contains(ClientChannelEvent.TIMEOUT)) {
                    throw new IOException("command timed out after " + timeout.toSeconds() + " s: " + command);
                }
                Integer status = channel.getExitStatus();
                return new Exec(command, status == null ? -1 : status, out.toString(StandardCharsets.UTF_8),
                        err.toString(StandardCharsets.UTF_8));
            }
        }

        @Override
        public void close() {
            session.close(false);
        }
    }

    record Exec(String command, int status, String out, String err) {

        String evidence() {
            return "$ " + command + "\n" + out + (err.isBlank() ? "" : "\n[stderr] " + err.strip())
                    + (status == 0 ? "" : "\n[exit " + status + "]");
        }
    }

    /** A shell word: single quotes, each quote inside closed, escaped and reopened. */
    static String quote(String word) {
        if (word.indexOf('\n') >= 0 || word.indexOf('\r') >= 0 || word.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("control characters in a parameter");
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
