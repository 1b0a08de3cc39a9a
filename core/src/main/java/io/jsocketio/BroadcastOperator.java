package io.jsocketio;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;

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
    BroadcastOperator to(String room);

    /** Adds target rooms. */
    BroadcastOperator to(Collection<String> rooms);

    /** Same as {@link #to(String)}. */
    BroadcastOperator in(String room);

    /** Same as {@link #to(Collection)}. */
    BroadcastOperator in(Collection<String> rooms);

    /** Excludes the sockets of a room. */
    BroadcastOperator except(String room);

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

    /**
     * Emits an event to the selected sockets.
     *
     * @throws IllegalArgumentException for a reserved event name or an argument that cannot be sent
     */
    void emit(String event, Object... args);

    /**
     * Emits an event and collects one acknowledgement per recipient.
     *
     * @throws IllegalStateException when no {@link #timeout(Duration)} was set
     * @throws IllegalArgumentException as {@link #emit(String, Object...)}
     */
    void emit(String event, BroadcastAckCallback ack, Object... args);

    /**
     * Emits an event and returns the acknowledgements, one per recipient. Fails with {@link
     * AckTimeoutException} (holding the responses received) when the timeout expires first.
     *
     * @throws IllegalStateException when no {@link #timeout(Duration)} was set
     */
    CompletionStage<List<Args>> emitWithAck(String event, Object... args);

    /** The selected sockets, across the cluster with a cluster adapter. */
    CompletionStage<List<RemoteSocket>> fetchSockets();

    /** The ids of the selected sockets ({@code allSockets()}, deprecated in Node). */
    CompletionStage<Set<String>> allSockets();

    /** Makes the selected sockets join a room. */
    void socketsJoin(String room);

    /** Makes the selected sockets join rooms. */
    void socketsJoin(Collection<String> rooms);

    /** Makes the selected sockets leave a room. */
    void socketsLeave(String room);

    /** Makes the selected sockets leave rooms. */
    void socketsLeave(Collection<String> rooms);

    /** Disconnects the selected sockets; with {@code close}, closes their connections too. */
    void disconnectSockets(boolean close);

    /** {@code disconnectSockets(false)}. */
    default void disconnectSockets() {
        disconnectSockets(false);
    }
}
