package io.jsocketio;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Receives the acknowledgements of a broadcast ({@code io.timeout(d).emit("x", (err, responses) =>
 * ...)}): one {@link Args} per recipient.
 *
 * <p>Runs once, on the server's callback lane (never a container or scheduler thread): when every
 * recipient acknowledged, or when the timeout expired (then {@code error} is an {@link
 * AckTimeoutException} and {@code responses} holds those that arrived).
 */
@FunctionalInterface
public interface BroadcastAckCallback {

    /**
     * All acknowledgements arrived, or the timeout expired.
     *
     * @param error null when every recipient acknowledged, else the {@link AckTimeoutException}
     * @param responses the acknowledgements received, in arrival order
     */
    void onAcks(@Nullable Exception error, List<Args> responses);
}
