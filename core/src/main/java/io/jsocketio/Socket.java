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
 * io.onConnection(socket -> {
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

    /**
     * Sets one attribute of the socket's data ({@code socket.data.key = value}); null removes it.
     * The data becomes an unmodifiable {@code Map} holding the earlier attributes (a record or bean
     * set with {@link #data(Object)} is first turned into the map of its properties), so several
     * independent parts of an application can each keep their own key. Read them back with {@link
     * #data(String, Class)}; {@code fetchSockets()} exposes them.
     *
     * @throws IllegalArgumentException when the data is a value without properties (a String, a
     *     number, a list)
     */
    Socket data(String key, @Nullable Object value);

    /**
     * Removes one attribute of the socket's data ({@code delete socket.data.key}); the same as
     * {@code data(key, (Object) null)} (a literal {@code data(key, null)} is the typed getter
     * {@link #data(String, Class)}, which refuses a null type).
     */
    Socket removeData(String key);

    // ---- broadcasting from this socket (the sender is excluded)

    /** A broadcast to a room that excludes this socket ({@code socket.to(room)}). */
    default BroadcastOperator to(String room) {
        return broadcast().to(room);
    }

    /** A broadcast to several rooms that excludes this socket. */
    default BroadcastOperator to(Collection<String> rooms) {
        return broadcast().to(rooms);
    }

    /** Same as {@link #to(String)}. */
    default BroadcastOperator in(String room) {
        return to(room);
    }

    /** Same as {@link #to(Collection)}. */
    default BroadcastOperator in(Collection<String> rooms) {
        return to(rooms);
    }

    /** A broadcast to everyone except this socket and the room's members. */
    default BroadcastOperator except(String room) {
        return broadcast().except(room);
    }

    /** A broadcast to everyone except this socket and the rooms' members. */
    default BroadcastOperator except(Collection<String> rooms) {
        return broadcast().except(rooms);
    }

    /** A broadcast to every socket of the namespace except this one ({@code socket.broadcast}). */
    BroadcastOperator broadcast();

    /** As {@link #broadcast()}, restricted to this server ({@code socket.local}). */
    default BroadcastOperator local() {
        return broadcast().local();
    }

    // ---- listeners

    /**
     * Adds a listener for an event sent by the client. Every name is accepted, as in Node; the
     * events the server raises itself arrive here too, with Node's arguments and an acknowledgement
     * that is not {@link Ack#requested() requested}:
     *
     * <ul>
     *   <li>{@code disconnecting} and {@code disconnect}: the reason's wire string ({@link
     *       DisconnectReason#wire()}) and the description (a string or JSON null), as {@link
     *       #onDisconnecting} and {@link #onDisconnect} receive them typed;
     *   <li>{@code error}: the error's message, as {@link #onError} receives it typed.
     * </ul>
     *
     * <p>{@code connect}, {@code connect_error}, {@code newListener} and {@code removeListener} are
     * accepted and never called: a client cannot send them (the decoder refuses them, as Node's
     * does), a server socket never raises {@code connect} or {@code connect_error} (Node's
     * neither), and this socket does not raise {@code newListener}/{@code removeListener} (Node's
     * EventEmitter does; not supported).
     */
    Socket on(String event, EventListener listener);

    /** Adds a listener that runs for the next such event only. */
    Socket once(String event, EventListener listener);

    /** Removes a listener (the same instance) of an event. */
    Socket off(String event, EventListener listener);

    /**
     * Removes every listener of an event ({@code removeAllListeners(event)} in Node); for {@code
     * disconnecting}, {@code disconnect} and {@code error} the typed listeners too.
     */
    Socket off(String event);

    /** Same as {@link #off(String)}. */
    default Socket removeAllListeners(String event) {
        return off(event);
    }

    /**
     * Removes every listener of this socket ({@code removeAllListeners()}): event listeners,
     * catch-all listeners (incoming and outgoing) and the disconnect and error listeners.
     * Middlewares added with {@link #use} stay.
     */
    Socket removeAllListeners();

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
