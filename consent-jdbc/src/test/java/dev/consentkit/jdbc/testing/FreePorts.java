package dev.consentkit.jdbc.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Picks TCP ports nobody listens on. */
final class FreePorts {
    private FreePorts() {}

    /**
     * Asks the kernel for a free port on 127.0.0.1. Another process may take it before the server
     * binds it; the servers retry with a new port when that happens.
     *
     * @return a port that was free a moment ago
     * @throws UncheckedIOException if no socket can be opened
     */
    static int onLoopback() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        }
    }
}
