package io.jsocketio;

import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * Emits to one socket, with flags: what {@code socket.timeout(d)}, {@code socket.volatile} and
 * {@code socket.compress(b)} return. Flag methods return a new value and leave this one unchanged.
 *
 * <p>Arguments may be: null, Boolean, Number, String, {@code byte[]} or {@code ByteBuffer} (sent as
 * binary), {@code JsonValue}, Map and List (nested freely, binary values included), and records or
 * beans (through JSON-B). A binary value anywhere in the arguments makes a binary packet.
 *
 * <p>Thread-safety: immutable; emitting is safe from any thread. Packets emitted from one thread
 * reach the client in emit order.
 */
public interface SocketEmitter {

    /**
     * Sends an event.
     *
     * @throws IllegalArgumentException for a reserved event name ({@code connect}, {@code
     *     connect_error}, {@code disconnect}, {@code disconnecting}, {@code newListener}, {@code
     *     removeListener}) or an argument that cannot be sent
     */
    void emit(String event, Object... args);

    /**
     * Sends an event and asks the client for an acknowledgement. With {@link #timeout(Duration)},
     * {@code ack} receives an {@link AckTimeoutException} if none came in time.
     *
     * @throws IllegalArgumentException as {@link #emit(String, Object...)}
     */
    void emit(String event, AckCallback ack, Object... args);

    /**
     * Sends an event and returns the client's acknowledgement. The stage completes on the
     * connection's lane; with {@link #timeout(Duration)} it fails with {@link AckTimeoutException}
     * if none came in time, without one it completes only if the client acknowledges.
     *
     * @throws IllegalArgumentException as {@link #emit(String, Object...)}
     */
    CompletionStage<Args> emitWithAck(String event, Object... args);

    /** Sends a {@code message} event ({@code emit("message", args)}). */
    void send(Object... args);

    /** Alias of {@link #send(Object...)}. */
    void write(Object... args);

    /** An emitter whose acknowledgements time out after {@code timeout}. */
    SocketEmitter timeout(Duration timeout);

    /**
     * An emitter whose events may be dropped when the client is not ready to receive them ({@code
     * volatile} in Node, renamed because {@code volatile} is a Java keyword).
     */
    SocketEmitter asVolatile();

    /** An emitter with the compress flag set; the transport may compress when it is true. */
    SocketEmitter compress(boolean compress);
}
