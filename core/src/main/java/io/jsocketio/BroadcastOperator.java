package io.jsocketio;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/**
 * Emits to a set of sockets of one namespace: the sockets in any of the target rooms (every socket
 * when there is none), minus those in any excepted room. What {@code io.to(room)}, {@code
 * io.except(room)}, {@code socket.broadcast} etc. return. Each packet is encoded once and the same
 * frames are written to every recipient.
 *
 * <p>Chained methods return a new operator and leave this one unchanged, so an operator may be kept
 * and reused. Argument types are those of {@link SocketEmitter}.
 *
 * <p>Thread-safety: immutable; safe to use from any thread.
 */
public interface BroadcastOperator {

    /** Adds a target room. */
    default BroadcastOperator to(String room) {
        return to(List.of(room));
    }

    /** Adds target rooms. */
    BroadcastOperator to(Collection<String> rooms);

    /** Same as {@link #to(String)}. */
    default BroadcastOperator in(String room) {
        return to(room);
    }

    /** Same as {@link #to(Collection)}. */
    default BroadcastOperator in(Collection<String> rooms) {
        return to(rooms);
    }

    /** Excludes the sockets of a room. */
    default BroadcastOperator except(String room) {
        return except(List.of(room));
    }

    /** Excludes the sockets of several rooms. */
    BroadcastOperator except(Collection<String> rooms);

    /** Sets the compress flag. */
    BroadcastOperator compress(boolean compress);

    /**
     * Lets the packets be dropped for clients not ready to receive them ({@code volatile} in Node,
     * renamed because {@code volatile} is a Java keyword).
     */
    BroadcastOperator asVolatile();

    /** Restricts the broadcast to the sockets of this server (with a cluster adapter). */
    BroadcastOperator local();

    /** Sets how long acknowledgements are awaited. */
    BroadcastOperator timeout(Duration timeout);

    /** As {@link #timeout(Duration)} in milliseconds, as Node's {@code timeout(ms)}. */
    default BroadcastOperator timeout(long millis) {
        return timeout(Duration.ofMillis(millis));
    }

    /**
     * Emits an event to the selected sockets.
     *
     * @throws IllegalArgumentException for a reserved event name or an argument that cannot be sent
     */
    void emit(String event, @Nullable Object... args);

    /**
     * Emits an event and collects one acknowledgement per recipient. A null {@code ack} is sent as
     * the first argument, JSON {@code null}, with no acknowledgement asked.
     *
     * @throws IllegalStateException when no {@link #timeout(Duration)} was set
     * @throws IllegalArgumentException as {@link #emit(String, Object...)}
     */
    void emit(String event, @Nullable BroadcastAckCallback ack, @Nullable Object... args);

    /**
     * Emits an event and returns the acknowledgements, one per recipient. Fails with {@link
     * AckTimeoutException} (holding the responses received) when the timeout expires first.
     *
     * @throws IllegalStateException when no {@link #timeout(Duration)} was set
     */
    default CompletionStage<List<Args>> emitWithAck(String event, @Nullable Object... args) {
        CompletableFuture<List<Args>> result = new CompletableFuture<>();
        emit(
                event,
                (error, responses) -> {
                    if (error != null) {
                        result.completeExceptionally(error);
                    } else {
                        result.complete(responses);
                    }
                },
                args);
        return result;
    }

    /** The selected sockets, across the cluster with a cluster adapter. */
    CompletionStage<List<RemoteSocket>> fetchSockets();

    /** The ids of the selected sockets ({@code allSockets()}, deprecated in Node). */
    CompletionStage<Set<String>> allSockets();

    /** Makes the selected sockets join a room. */
    default void socketsJoin(String room) {
        socketsJoin(List.of(room));
    }

    /** Makes the selected sockets join rooms. */
    void socketsJoin(Collection<String> rooms);

    /** Makes the selected sockets leave a room. */
    default void socketsLeave(String room) {
        socketsLeave(List.of(room));
    }

    /** Makes the selected sockets leave rooms. */
    void socketsLeave(Collection<String> rooms);

    /** Disconnects the selected sockets; with {@code close}, closes their connections too. */
    void disconnectSockets(boolean close);

    /** {@code disconnectSockets(false)}. */
    default void disconnectSockets() {
        disconnectSockets(false);
    }
}
