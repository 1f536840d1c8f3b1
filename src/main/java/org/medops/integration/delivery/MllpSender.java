package org.medops.integration.delivery;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.Charset;

import org.medops.integration.channels.ChannelDocument;
import org.medops.integration.hl7.Hl7Message;
import org.medops.integration.hl7.Hl7Rejected;
import org.medops.integration.store.Outgoing;
import org.springframework.stereotype.Component;

/**
 * Sends HL7 v2 over MLLP on one kept-open connection (opened again after any failure) and waits for the ACK:
 * AA/CA delivered, AE/AR/CE/CR rejected with MSA-3 as the reason, anything else (refused, no ACK within
 * {@code timeout}, a broken frame, an ACK for another message) a failure. The raw message goes out as received (a
 * transformer's JSON is for the other destinations), so its MSH-10 is the sender's control id; the ACK is stored
 * as the delivery's response.
 */
final class MllpSender implements Sender {

    private static final int START = 0x0B;
    private static final int END = 0x1C;
    private static final int CR = 0x0D;
    private static final int ACK_LIMIT = 1024 * 1024;

    private Socket socket;
    private String connectedTo;

    @Component
    static final class Kind implements Sender.Kind {

        @Override
        public String type() {
            return "MLLP";
        }

        @Override
        public Sender open() {
            return new MllpSender();
        }
    }

    @Override
    public synchronized Result send(ChannelDocument.Destination destination, Outgoing message) {
        Charset charset = Charset.forName(destination.charset());
        String address = destination.host() + ":" + destination.port();
        try {
            Socket connection = connection(destination, address);
            connection.setSoTimeout((int) Math.max(1, destination.timeout().toMillis()));
            OutputStream out = connection.getOutputStream();
            ByteArrayOutputStream frame = new ByteArrayOutputStream();
            frame.write(START);
            frame.write(message.raw().replace("\r\n", "\r").replace('\n', '\r').getBytes(charset));
            frame.write(END);
            frame.write(CR);
            out.write(frame.toByteArray());
            out.flush();
            String ack = readFrame(connection.getInputStream(), charset);
            return judge(ack, message);
        } catch (ConnectException e) {
            disconnect();
            return Result.failed(null, "connection refused: " + address);
        } catch (SocketTimeoutException e) {
            disconnect();
            return Result.failed(null, "no ACK within " + destination.timeout().toMillis() + " ms");
        } catch (IOException e) {
            disconnect();
            return Result.failed(null, "not delivered: " + e.getMessage());
        }
    }

    private Result judge(String ack, Outgoing message) {
        Hl7Message parsed;
        try {
            parsed = Hl7Message.parse(ack);
        } catch (Hl7Rejected e) {
            disconnect();
            return Result.failed(ack, "the answer is not an HL7 ACK: " + e.getMessage());
        }
        String code = parsed.value("MSA-1").orElse("");
        String answered = parsed.value("MSA-2").orElse("");
        if (message.controlId() != null && !message.controlId().isBlank() && !answered.equals(message.controlId())) {
            // Some other message's ACK: the stream is out of step, so start again on a new connection.
            disconnect();
            return Result.failed(ack, "ACK for another message (MSA-2 " + answered + ")");
        }
        return switch (code) {
            case "AA", "CA" -> Result.delivered(ack);
            case "AE", "AR", "CE", "CR" -> Result.rejected(ack, code + ": " + parsed.value("MSA-3").orElse("no reason given"));
            default -> {
                disconnect();
                yield Result.failed(ack, "ACK without a known MSA-1 (" + code + ")");
            }
        };
    }

    private Socket connection(ChannelDocument.Destination destination, String address) throws IOException {
        if (socket != null && (!address.equals(connectedTo) || socket.isClosed())) {
            disconnect();
        }
        if (socket == null) {
            Socket opened = new Socket();
            int timeout = (int) Math.min(5000, Math.max(1, destination.timeout().toMillis()));
            try {
                opened.connect(new InetSocketAddress(destination.host(), destination.port()), timeout);
            } catch (SocketTimeoutException e) {
                opened.close();
                throw new ConnectException("connect timed out");
            } catch (IOException e) {
                opened.close();
                throw e;
            }
            opened.setKeepAlive(true);
            opened.setTcpNoDelay(true);
            socket = opened;
            connectedTo = address;
        }
        return socket;
    }

    /** One frame: bytes before the start block are skipped; the end must be 0x1C 0x0D. */
    private static String readFrame(InputStream in, Charset charset) throws IOException {
        int b;
        while ((b = in.read()) != START) {
            if (b < 0) {
                throw new IOException("connection closed without an ACK");
            }
        }
        ByteArrayOutputStream ack = new ByteArrayOutputStream();
        while ((b = in.read()) != END) {
            if (b < 0) {
                throw new IOException("connection closed in the middle of an ACK");
            }
            if (b == START || ack.size() > ACK_LIMIT) {
                throw new IOException("broken ACK frame");
            }
            ack.write(b);
        }
        if (in.read() != CR) {
            throw new IOException("broken ACK frame (no CR after the end block)");
        }
        return ack.toString(charset);
    }

    private void disconnect() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a broken connection: nothing more to do
            }
            socket = null;
        }
    }

    @Override
    public void close() {
        Socket open = socket;
        if (open != null) {
            try {
                open.close();
            } catch (IOException ignored) {
                // the worker stops
            }
        }
    }
}
