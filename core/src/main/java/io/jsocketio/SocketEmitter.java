package io.jsocketio;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/**
 * Emits to one socket, with flags: what {@code socket.timeout(d)}, {@code socket.volatile} and
 * {@code socket.compress(b)} return. Flag methods return a new value and leave this one unchanged.
 *
 * <p>Arguments may be: null, Boolean, Number, String, {@code byte[]} or {@code ByteBuffer} (sent as
 * binary), {@code JsonValue}, Map and List (nested freely, binary values included), and records or
 * beans (through JSON-B). A binary value anywhere in the arguments makes a binary packet. A null
 * argument is sent as JSON {@code null}: {@code emit("x", null)} sends {@code ["x",null]}, and an
 * {@code emit(event, ack, args)} whose ack is null sends that null as the first argument.
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
    void emit(String event, @Nullable Object... args);

    /**
     * Sends an event and asks the client for an acknowledgement. With {@link #timeout(Duration)},
     * {@code ack} receives an {@link AckTimeoutException} if none came in time.
     *
     * @throws IllegalArgumentException as {@link #emit(String, Object...)}
     */
    void emit(String event, @Nullable AckCallback ack, @Nullable Object... args);

    /**
     * Sends an event and returns the client's acknowledgement. The stage completes on the
     * connection's lane; with {@link #timeout(Duration)} it fails with {@link AckTimeoutException}
     * if none came in time, without one it completes only if the client acknowledges.
     *
     * @throws IllegalArgumentException as {@link #emit(String, Object...)}
     */
    default CompletionStage<Args> emitWithAck(String event, @Nullable Object... args) {
        CompletableFuture<Args> result = new CompletableFuture<>();
        emit(
                event,
                (error, response) -> {
                    if (error != null) {
                        result.completeExceptionally(error);
                    } else {
                        result.complete(response);
                    }
                },
                args);
        return result;
    }

    /** Sends a {@code message} event ({@code emit("message", args)}). */
    default void send(@Nullable Object... args) {
        emit("message", args);
    }

    /**
     * Sends a {@code message} event and asks for an acknowledgement ({@code socket.send(data, ack)}
     * in Node); see {@link #emit(String, AckCallback, Object...)}.
     */
    default void send(AckCallback ack, @Nullable Object... args) {
        emit("message", ack, args);
    }

    /** Alias of {@link #send(Object...)}. */
    default void write(@Nullable Object... args) {
        send(args);
    }

    /** Alias of {@link #send(AckCallback, Object...)}. */
    default void write(AckCallback ack, @Nullable Object... args) {
        send(ack, args);
    }

    /** An emitter whose acknowledgements time out after {@code timeout}. */
    SocketEmitter timeout(Duration timeout);

    /** As {@link #timeout(Duration)} in milliseconds, as Node's {@code timeout(ms)}. */
    default SocketEmitter timeout(long millis) {
        return timeout(Duration.ofMillis(millis));
    }

    /**
     * An emitter whose events may be dropped when the client is not ready to receive them ({@code
     * volatile} in Node, renamed because {@code volatile} is a Java keyword).
     */
    SocketEmitter asVolatile();

    /** An emitter with the compress flag set; the transport may compress when it is true. */
    SocketEmitter compress(boolean compress);
}
