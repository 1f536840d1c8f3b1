package org.medops.inspection;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;

/**
 * An in-process SSH server (Apache MINA) standing in for a hospital server: {@code df}, {@code df -i},
 * {@code systemctl} and the {@code du} of the HIS log directory answer known output; every other command (the
 * log tail, the backup listing) runs for real in a shell on this machine's temporary files.
 */
public final class FakeHost implements AutoCloseable {

    public static final String USER = "inspector";
    public static final String PASSWORD = "Ssh#Inspect-2026";

    public static final String DF_FULL = """
            Filesystem     1024-blocks      Used Available Capacity Mounted on
            /dev/sda1         41152736  18000000  23152736      44% /
            tmpfs              8152736         0   8152736       0% /dev/shm
            /dev/sdb1        515928320 495291187  20637133      96% /data
            """;
    public static final String DF_OK = """
            Filesystem     1024-blocks      Used Available Capacity Mounted on
            /dev/sda1         41152736  18000000  23152736      44% /
            /dev/sdb1        515928320 257964160 257964160      50% /data
            """;
    public static final String DF_INODES = """
            Filesystem       Inodes   IUsed    IFree IUse% Mounted on
            /dev/sda1       2621440  262144  2359296   10% /
            /dev/sdb1      32768000 3276800 29491200   10% /data
            """;

    public final AtomicReference<String> df = new AtomicReference<>(DF_FULL);
    /** What {@code pgbackrest … info} and {@code barman … list-backups} answer; null: not installed (status 127). */
    public final AtomicReference<String> backupTool = new AtomicReference<>();
    private final SshServer server;

    public FakeHost() throws IOException {
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        Path key = Files.createTempDirectory("medops-fake-host").resolve("host.key");
        server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(key));
        server.setPasswordAuthenticator((user, password, session) -> USER.equals(user) && PASSWORD.equals(password));
        server.setCommandFactory((channel, command) -> new Answer(command));
        server.start();
    }

    public int port() {
        return server.getPort();
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }

    private final class Answer implements Command {

        private final String command;
        private OutputStream out;
        private OutputStream err;
        private ExitCallback exit;

        Answer(String command) {
            this.command = command;
        }

        @Override
        public void start(ChannelSession channel, Environment env) {
            Thread worker = new Thread(() -> {
                int status = 0;
                try {
                    String canned = canned();
                    if (canned != null) {
                        out.write(canned.getBytes(StandardCharsets.UTF_8));
                    } else {
                        Process process = new ProcessBuilder("/bin/sh", "-c", command).start();
                        ByteArrayOutputStream errors = new ByteArrayOutputStream();
                        process.getInputStream().transferTo(out);
                        process.getErrorStream().transferTo(errors);
                        status = process.waitFor();
                        err.write(errors.toByteArray());
                    }
                    out.flush();
                    err.flush();
                } catch (Exception e) {
                    status = 255;
                }
                exit.onExit(status);
            });
            worker.setDaemon(true);
            worker.start();
        }

        private String canned() {
            if (command.equals("df -P")) {
                return df.get();
            }
            if (command.equals("df -Pi")) {
                return DF_INODES;
            }
            if (command.startsWith("pgbackrest ") || command.startsWith("barman ")) {
                return backupTool.get() == null ? null : backupTool.get();
            }
            if (command.equals("uname -a")) {
                return "Linux his-app-01 5.15.0-91-generic x86_64 GNU/Linux\n";
            }
            if (command.startsWith("systemctl is-active")) {
                StringBuilder states = new StringBuilder();
                for (String unit : command.substring("systemctl is-active".length()).trim().split("\\s+")) {
                    states.append(unit.contains("his-app") ? "failed" : "active").append('\n');
                }
                return states.toString();
            }
            if (command.startsWith("du -sb") && command.contains("/var/log/his")) {
                return "12884901888\t/var/log/his\n";
            }
            return null;
        }

        @Override
        public void destroy(ChannelSession channel) {
        }

        @Override
        public void setInputStream(InputStream in) {
        }

        @Override
        public void setOutputStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void setErrorStream(OutputStream err) {
            this.err = err;
        }

        @Override
        public void setExitCallback(ExitCallback callback) {
            this.exit = callback;
        }
    }
}
