package org.medops.integration.mllp;

import java.io.ByteArrayOutputStream;
import java.util.function.Consumer;

/**
 * Cuts a TCP byte stream into MLLP frames: 0x0B, the message, 0x1C 0x0D (a 0x1C without the CR is taken too).
 * Bytes outside a frame (other than line breaks and spaces between frames) are {@link Piece#broken} input
 * that the caller answers with an AR; so is a frame that a new 0x0B interrupts, or one longer than the limit.
 */
final class MllpFraming {

    static final byte START = 0x0B;
    static final byte END = 0x1C;
    static final byte CR = 0x0D;

    record Piece(byte[] content, String broken) {

        boolean isBroken() {
            return broken != null;
        }
    }

    private final int limit;
    private final Consumer<Piece> pieces;
    private final ByteArrayOutputStream frame = new ByteArrayOutputStream();
    private final ByteArrayOutputStream outside = new ByteArrayOutputStream();
    private boolean inFrame;
    private boolean sawEnd;
    private boolean oversized;

    MllpFraming(int limit, Consumer<Piece> pieces) {
        this.limit = limit;
        this.pieces = pieces;
    }

    void feed(byte[] bytes) {
        for (byte b : bytes) {
            if (inFrame) {
                inside(b);
            } else if (b == START) {
                flushOutside();
                inFrame = true;
            } else if (b == END) {
                flushOutside("MLLP framing: the message did not start with 0x0B");
            } else if (b != CR && b != '\n' && b != ' ' || outside.size() > 0) {
                if (outside.size() < limit) {
                    outside.write(b);
                }
            }
        }
    }

    private void inside(byte b) {
        if (sawEnd) {
            sawEnd = false;
            complete();
            if (b == CR) {
                return;
            }
            feed(new byte[] {b});
            return;
        }
        if (b == END) {
            sawEnd = true;
        } else if (b == START) {
            pieces.accept(new Piece(frame.toByteArray(), "MLLP framing: a new message (0x0B) began before 0x1C 0x0D ended the previous one"));
            frame.reset();
            oversized = false;
        } else if (frame.size() < limit) {
            frame.write(b);
        } else {
            oversized = true;
        }
    }

    private void complete() {
        byte[] content = frame.toByteArray();
        frame.reset();
        inFrame = false;
        if (oversized) {
            oversized = false;
            pieces.accept(new Piece(content, "message longer than " + limit + " bytes"));
        } else {
            pieces.accept(new Piece(content, null));
        }
    }

    /** The sender went quiet: bytes waiting outside a frame are answered now rather than never. */
    void idle() {
        if (sawEnd) {
            sawEnd = false;
            complete();
        }
        flushOutside("MLLP framing: the message did not start with 0x0B");
    }

    boolean hasOutside() {
        return outside.size() > 0 || sawEnd;
    }

    private void flushOutside() {
        flushOutside("MLLP framing: bytes outside 0x0B … 0x1C 0x0D");
    }

    private void flushOutside(String reason) {
        if (outside.size() > 0) {
            pieces.accept(new Piece(outside.toByteArray(), reason));
            outside.reset();
        }
    }
}
