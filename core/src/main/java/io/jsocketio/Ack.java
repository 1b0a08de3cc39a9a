package io.jsocketio;

import org.jspecify.annotations.Nullable;

/**
 * The acknowledgement a client asked for with an event ({@code socket.emit("x", data, (res) =>
 * ...)} on the client), handed to the {@link EventListener} as its own parameter.
 *
 * <p>Thread-safety: safe to call from any thread, at any later time. Only the first {@link #send}
 * is sent; later calls are ignored. When the client asked for no acknowledgement, {@link
 * #requested()} is false and {@code send} does nothing.
 */
public interface Ack {

    /**
     * Sends the acknowledgement with these arguments (the types {@code emit} accepts, binary
     * included). Only the first call has an effect.
     */
    void send(@Nullable Object... args);

    /** Whether the client asked for an acknowledgement. */
    boolean requested();
}
