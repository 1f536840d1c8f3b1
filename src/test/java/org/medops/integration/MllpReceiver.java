package org.medops.integration;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A partner system taking HL7 over MLLP (an EMR or LIS interface engine): records each framed message and answers
 * with an ACK whose MSA-1 it is told to (AA, AE, …), echoing MSH-10; it can go down and come back on its port.
 */
final class MllpReceiver {

    private final List<String> received = new CopyOnWriteArrayList<>();
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private final int port;
    private volatile String answer = "AA";
    private volatile ServerSocket server;

    MllpReceiver() {
        start(0);
        port = server.getLocalPort();
    }

    private void start(int on) {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), on));
            server = socket;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ServerSocket listening = server;
        Thread accept = new Thread(() -> {
            while (!listening.isClosed()) {
                try {
                    Socket connection = listening.accept();
                    connections.add(connection);
                    Thread serve = new Thread(() -> serve(connection), "mllp-receiver-connection");
                    serve.setDaemon(true);
                    serve.start();
                } catch (IOException e) {
                    return;
                }
            }
        }, "mllp-receiver");
        accept.setDaemon(true);
        accept.start();
    }

    private void serve(Socket connection) {
        try (connection) {
            InputStream in = connection.getInputStream();
            OutputStream out = connection.getOutputStream();
            while (true) {
                int b;
                while ((b = in.read()) != 0x0B) {
                    if (b < 0) {
                        return;
                    }
                }
                ByteArrayOutputStream frame = new ByteArrayOutputStream();
                while ((b = in.read()) != 0x1C) {
                    if (b < 0) {
                        return;
                    }
                    frame.write(b);
                }
                in.read();
                String message = frame.toString(StandardCharsets.UTF_8);
                received.add(message);
                String controlId = message.split("\r")[0].split("\\|")[9];
                String code = answer;
                String ack = "MSH|^~\\&|EMR|HOSP|MEDOPS|HOSP|20261202090000||ACK^A01^ACK|R" + received.size() + "|P|2.5.1\r"
                        + "MSA|" + code + "|" + controlId + (code.equals("AA") ? "" : "|患者信息不完整") + "\r";
                out.write(0x0B);
                out.write(ack.getBytes(StandardCharsets.UTF_8));
                out.write(0x1C);
                out.write(0x0D);
                out.flush();
            }
        } catch (IOException e) {
            // the sender went away or the receiver went down
        } finally {
            connections.remove(connection);
        }
    }

    int port() {
        return port;
    }

    void answer(String msa1) {
        this.answer = msa1;
    }

    List<String> received() {
        return List.copyOf(received);
    }

    void down() {
        try {
            server.close();
            for (Socket connection : connections) {
                connection.close();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    void up() {
        start(port);
    }
}
