package io.jsocketio;

import io.jsocketio.spi.Adapter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/**
 * A communication channel over the shared connections ({@code io.of("/orders")}): its own
 * middlewares, connection listeners, sockets and rooms. The broadcast methods inherited from {@link
 * BroadcastOperator} target every socket of the namespace.
 *
 * <p>A namespace made by {@link Server#of(java.util.regex.Pattern)} or {@link
 * Server#of(DynamicNamespaceMatcher)} is a parent: its middlewares and listeners are copied to each
 * child namespace when the child is created, its broadcasts reach every child, and {@link
 * #fetchSockets()} is not supported on it.
 *
 * <p>Thread-safety: safe for concurrent use from any thread. Registering middlewares and listeners
 * affects connections that arrive afterwards.
 */
public interface Namespace extends BroadcastOperator {

    /** The name, e.g. {@code /} or {@code /orders}. */
    String name();

    /** The server this namespace belongs to. */
    Server server();

    /**
     * Adds a {@code connection} listener: {@code io.onConnection(socket => ...)} in Node ({@code
     * connect} there is an alias). Node's {@code on} takes three kinds of listener under one
     * string-typed name; here each kind has its own typed method, so a listener cannot be
     * registered under a name that would hand it the wrong argument: this one receives each {@link
     * Socket}, {@link Server#onNewNamespace} each new namespace, and {@link #onServerSideEmit} the
     * events other servers send with {@link #serverSideEmit}.
     */
    Namespace onConnection(ConnectionListener listener);

    /**
     * Adds a listener for a server-side event sent by another server of the cluster with {@link
     * #serverSideEmit} ({@code io.on("hello", ...)} in Node). Runs on the server's callback lane.
     * Every name is accepted; a reserved one ({@code connect}, {@code connection}, {@code
     * new_namespace}) is never called, since {@link #serverSideEmit} refuses to send it, as Node's
     * does.
     */
    Namespace onServerSideEmit(String event, EventListener listener);

    /** Adds a middleware run for every socket joining this namespace. */
    Namespace use(Middleware middleware);

    /** The connected sockets of this namespace on this server, by socket id; a snapshot. */
    Map<String, Socket> sockets();

    /** The adapter holding this namespace's rooms. */
    Adapter adapter();

    /** Emits a {@code message} event to every socket. */
    default void send(@Nullable Object... args) {
        emit("message", args);
    }

    /** Alias of {@link #send(Object...)}. */
    default void write(@Nullable Object... args) {
        send(args);
    }

    /**
     * Sends an event to the other servers of the cluster; they deliver it to their {@link
     * #onServerSideEmit} listeners. This server's own listeners do not receive it. With the
     * in-memory adapter there is no other server: the event goes nowhere.
     *
     * @throws IllegalArgumentException for a reserved name ({@code connect}, {@code connection},
     *     {@code new_namespace})
     */
    void serverSideEmit(String event, @Nullable Object... args);

    /**
     * As {@link #serverSideEmit(String, Object...)}, with a callback receiving one acknowledgement
     * per other server ({@code io.serverSideEmit("x", data, (err, responses) => ...)}): it runs
     * once on the server's callback lane, with an empty list at once with the in-memory adapter, or
     * with an {@link AckTimeoutException} (and the responses that arrived) when a server did not
     * answer in time. A null {@code ack} is sent as the first argument, JSON {@code null}.
     *
     * @throws IllegalArgumentException as {@link #serverSideEmit(String, Object...)}
     */
    void serverSideEmit(String event, @Nullable BroadcastAckCallback ack, @Nullable Object... args);

    /**
     * As {@link #serverSideEmit(String, Object...)}, returning one acknowledgement per other server
     * (an empty list with the in-memory adapter).
     */
    CompletionStage<List<Args>> serverSideEmitWithAck(String event, @Nullable Object... args);
}
