package io.jsocketio;

import io.jsocketio.engine.EngineRequest;
import io.jsocketio.engine.EngineSocket;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One client in one namespace: what the {@code connection} listener receives. Every Engine.IO
 * connection may hold one socket per namespace.
 *
 * <pre>{@code
 * io.on("connection", socket -> {
 *     socket.join("room1");
 *     socket.on("chat", (args, ack) -> {
 *         socket.to("room1").emit("chat", args.getString(0));   // everyone in room1 but the sender
 *         ack.send("ok");
 *     });
 *     socket.onDisconnect((reason, description) -> log(socket.id() + " left: " + reason));
 * });
 * }</pre>
 *
 * <p>Thread-safety: safe for concurrent use. {@code emit}, {@code join}, {@code leave} and {@code
 * disconnect} may be called from any thread. Listeners run on the connection's lane: in packet
 * order, never concurrently with each other. A state change asked from another thread (such as
 * {@code disconnect}) takes effect on the lane; called from a listener of this connection it takes
 * effect at once.
 */
public interface Socket extends RemoteSocket {

    /** The namespace this socket belongs to. */
    Namespace nsp();

    /**
     * The Engine.IO session carrying this socket ({@code socket.conn}); its id is not {@link
     * #id()}.
     */
    EngineSocket conn();

    /** The request that opened the connection ({@code socket.request}). */
    default EngineRequest request() {
        return conn().request();
    }

    /**
     * Whether the socket is connected (true from before {@code connection} until it disconnects).
     */
    boolean connected();

    /**
     * Whether this connection recovered an earlier session (connection state recovery): the same
     * id, rooms and data, and the missed packets were sent first. Always false when recovery is
     * off.
     */
    boolean recovered();

    /** {@code !connected()}. */
    default boolean disconnected() {
        return !connected();
    }

    /**
     * Sets the socket's data ({@code socket.data = value}): any object, replacing the previous one;
     * {@code fetchSockets()} exposes it. Null clears it.
     */
    void data(@Nullable Object value);

    // ---- broadcasting from this socket (the sender is excluded)

    /** A broadcast to a room that excludes this socket ({@code socket.to(room)}). */
    BroadcastOperator to(String room);

    /** A broadcast to several rooms that excludes this socket. */
    BroadcastOperator to(Collection<String> rooms);

    /** Same as {@link #to(String)}. */
    BroadcastOperator in(String room);

    /** Same as {@link #to(Collection)}. */
    BroadcastOperator in(Collection<String> rooms);

    /** A broadcast to everyone except this socket and the room's members. */
    BroadcastOperator except(String room);

    /** A broadcast to everyone except this socket and the rooms' members. */
    BroadcastOperator except(Collection<String> rooms);

    /** A broadcast to every socket of the namespace except this one ({@code socket.broadcast}). */
    BroadcastOperator broadcast();

    /** As {@link #broadcast()}, restricted to this server ({@code socket.local}). */
    BroadcastOperator local();

    // ---- listeners

    /**
     * Adds a listener for an event sent by the client.
     *
     * @throws IllegalArgumentException for {@code disconnect}, {@code disconnecting} and {@code
     *     error}: use {@link #onDisconnect}, {@link #onDisconnecting}, {@link #onError}
     */
    Socket on(String event, EventListener listener);

    /** Adds a listener that runs for the next such event only. */
    Socket once(String event, EventListener listener);

    /** Removes a listener (the same instance) of an event. */
    Socket off(String event, EventListener listener);

    /** Removes every listener of an event. */
    Socket off(String event);

    /** The listeners of an event, a snapshot. */
    List<EventListener> listeners(String event);

    /** Adds a per-event middleware ({@code socket.use}). */
    Socket use(EventMiddleware middleware);

    /** Adds a listener for every incoming event. */
    Socket onAny(AnyListener listener);

    /** Adds a listener for every incoming event, before the others. */
    Socket prependAny(AnyListener listener);

    /** Removes a catch-all listener. */
    Socket offAny(AnyListener listener);

    /** Removes every catch-all listener. */
    Socket offAny();

    /** The catch-all listeners, a snapshot. */
    List<AnyListener> listenersAny();

    /** Adds a listener for every outgoing event (acknowledgements excluded). */
    Socket onAnyOutgoing(AnyListener listener);

    /** Adds a listener for every outgoing event, before the others. */
    Socket prependAnyOutgoing(AnyListener listener);

    /** Removes an outgoing catch-all listener. */
    Socket offAnyOutgoing(AnyListener listener);

    /** Removes every outgoing catch-all listener. */
    Socket offAnyOutgoing();

    /** The outgoing catch-all listeners, a snapshot. */
    List<AnyListener> listenersAnyOutgoing();

    /** Adds a listener of {@code disconnecting}: the socket is leaving, its rooms still visible. */
    Socket onDisconnecting(DisconnectListener listener);

    /** Adds a listener of {@code disconnect}: the socket has left its namespace and rooms. */
    Socket onDisconnect(DisconnectListener listener);

    /** Adds a listener of {@code error}. */
    Socket onError(ErrorListener listener);

    /** The rooms the socket is in (its own id included), a snapshot. */
    @Override
    Set<String> rooms();
}
