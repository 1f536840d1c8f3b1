package org.medops.integration.http;

import java.util.function.Consumer;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import org.medops.integration.channels.ChannelDocument;
import org.medops.integration.channels.SourceToken;

/** What both HTTP listeners check of a request: the shared secret and the body limit. */
final class Requests {

    /** As MLLP's frame limit: a result with images still fits, a runaway sender does not fill the heap. */
    static final int BODY_LIMIT = 16 * 1024 * 1024;

    private Requests() {
    }

    /** Without a token configured anyone on the network may post, as with MLLP. */
    static boolean authorized(ChannelDocument.Source source, HttpServerRequest request) {
        if (source.token() == null) {
            return true;
        }
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return SourceToken.matches(source.token(), header.substring(7).trim());
    }

    /**
     * Reads the body up to the limit; {@code tooLarge} runs instead of {@code body} past it. The rest of a body too
     * large is read and dropped, so the sender gets the answer rather than a reset connection.
     */
    static void body(HttpServerRequest request, Consumer<byte[]> body, Runnable tooLarge) {
        Buffer buffer = Buffer.buffer();
        boolean[] over = {false};
        request.handler(chunk -> {
            if (buffer.length() + chunk.length() > BODY_LIMIT) {
                over[0] = true;
            } else if (!over[0]) {
                buffer.appendBuffer(chunk);
            }
        });
        request.endHandler(v -> {
            if (over[0]) {
                tooLarge.run();
            } else {
                body.accept(buffer.getBytes());
            }
        });
    }
}
