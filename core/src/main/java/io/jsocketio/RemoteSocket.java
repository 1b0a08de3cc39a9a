package io.jsocketio;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * A socket as {@code fetchSockets()} returns it: on this server (then it is the {@link Socket}
 * itself) or on another server of the cluster (then every operation goes through the adapter).
 *
 * <p>Thread-safety: safe for concurrent use; operations may be called from any thread.
 */
public interface RemoteSocket extends SocketEmitter {

    /** The socket id (not the Engine.IO session id). */
    String id();

    /** The handshake details. */
    Handshake handshake();

    /** The rooms the socket is in (its own id included), a snapshot. */
    Set<String> rooms();

    /**
     * The socket's {@link Socket#data(Object) data} as {@code type}: the value itself when it is an
     * instance of {@code type}, else mapped through JSON-B (data of a socket on another server
     * arrives as JSON). Empty when no data was set.
     *
     * @throws IllegalArgumentException when the data cannot be mapped to {@code type}
     */
    <T> Optional<T> data(Class<T> type);

    /**
     * One attribute of the socket's data ({@code socket.data.key}) as {@code type} (mapped as
     * {@link #data(Class)} maps). Empty when there is no data, when it is not an object, or when it
     * has no such key.
     *
     * @throws IllegalArgumentException when the attribute cannot be mapped to {@code type}
     */
    <T> Optional<T> data(String key, Class<T> type);

    /** Makes the socket join a room. */
    CompletionStage<Void> join(String room);

    /** Makes the socket join several rooms. */
    CompletionStage<Void> join(Collection<String> rooms);

    /** Makes the socket leave a room. */
    CompletionStage<Void> leave(String room);

    /**
     * Disconnects the socket from its namespace; with {@code close}, closes its whole connection
     * (every namespace).
     */
    void disconnect(boolean close);

    /** {@code disconnect(false)}. */
    default void disconnect() {
        disconnect(false);
    }
}
