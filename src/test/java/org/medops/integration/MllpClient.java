package org.medops.integration;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** A sending system over MLLP, as a HIS or LIS connects: frames out, ACK frames back. */
public final class MllpClient implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    public MllpClient(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(15_000);
        out = socket.getOutputStream();
        in = socket.getInputStream();
    }

    /** Connects as soon as the channel's listener is bound (a saved channel is deployed within a second). */
    public static MllpClient await(int port) throws Exception {
        long end = System.nanoTime() + 10_000_000_000L;
        while (true) {
            try {
                return new MllpClient(port);
            } catch (IOException e) {
                if (System.nanoTime() > end) {
                    throw e;
                }
                Thread.sleep(50);
            }
        }
    }

    public String send(String message) throws IOException {
        return send(message.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }

    public String send(byte[] content, Charset answerCharset) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(0x0B);
        frame.write(content);
        frame.write(0x1C);
        frame.write(0x0D);
        return sendRaw(frame.toByteArray(), answerCharset);
    }

    /** Writes bytes as they are (broken framing included) and reads one ACK frame. */
    public String sendRaw(byte[] bytes, Charset answerCharset) throws IOException {
        out.write(bytes);
        out.flush();
        return readAck(answerCharset);
    }

    public String readAck(Charset charset) throws IOException {
        int b;
        while ((b = in.read()) != 0x0B) {
            if (b < 0) {
                throw new IOException("connection closed without an answer");
            }
        }
        ByteArrayOutputStream ack = new ByteArrayOutputStream();
        while ((b = in.read()) != 0x1C) {
            if (b < 0) {
                throw new IOException("connection closed in the middle of an answer");
            }
            ack.write(b);
        }
        in.read(); // CR
        return ack.toString(charset);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
