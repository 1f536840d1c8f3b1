package org.medops.dataops;

import java.net.InetSocketAddress;
import java.net.Socket;

/** Whether a local server listens: tests that need one are skipped loudly when it does not. */
final class Reachable {

    private Reachable() {
    }

    static boolean port(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
