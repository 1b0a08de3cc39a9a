package io.jsocketio;

import org.jspecify.annotations.Nullable;

/**
 * Receives the acknowledgement of an event sent to one socket ({@code socket.emit("x", data, ack)}
 * and {@code socket.timeout(d).emit("x", data, (err, res) => ...)}).
 *
 * <p>Runs on the connection's lane, at most once: with the client's arguments, or with an {@link
 * AckTimeoutException} (and empty arguments) when {@code timeout(d)} expired first. Without a
 * timeout it runs only if the client acknowledges.
 */
@FunctionalInterface
public interface AckCallback {

    /**
     * The acknowledgement arrived, or the timeout expired.
     *
     * @param error null when acknowledged, else the {@link AckTimeoutException}
     * @param args the client's arguments (empty on timeout)
     */
    void onAck(@Nullable Exception error, Args args);
}
