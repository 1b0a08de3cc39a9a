package io.jsocketio.spi;

import io.jsocketio.Args;
import io.jsocketio.RemoteSocket;
import io.jsocketio.parser.SocketPacket;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * The rooms of one namespace and the way packets reach its sockets: Node's {@code Adapter}. The
 * in-memory default keeps the room index of this server; a cluster adapter (Redis) also forwards
 * broadcasts and requests to the other servers and answers theirs.
 *
 * <p>The room index maps room to socket ids and socket id to rooms; both sides change together,
 * atomically, and a socket's own id is a room from its connection to its disconnection.
 *
 * <p>Thread-safety: implementations must be safe for concurrent use from any thread, must not
 * block, and must not hold a lock while writing to sockets or calling listeners.
 */
public interface Adapter extends AutoCloseable {

    /** Starts the adapter (subscriptions of a cluster adapter). */
    default CompletionStage<Void> init() {
        return CompletableFuture.completedFuture(null);
    }

    /** Stops the adapter; idempotent. */
    @Override
    default void close() {}

    /** The number of servers in the cluster, this one included. */
    default CompletionStage<Integer> serverCount() {
        return CompletableFuture.completedFuture(1);
    }

    /** Adds a socket to rooms. */
    CompletionStage<Void> addAll(String id, Set<String> rooms);

    /** Removes a socket from a room. */
    CompletionStage<Void> del(String id, String room);

    /** Removes a socket from every room (it is leaving). */
    void delAll(String id);

    /** The rooms of this server and their members, a snapshot. */
    Map<String, Set<String>> rooms();

    /** The rooms of a socket of this server, a snapshot; empty when the socket is unknown. */
    Optional<Set<String>> socketRooms(String id);

    /** Registers a listener of room events. */
    void addRoomListener(RoomListener listener);

    /** Removes a listener of room events. */
    void removeRoomListener(RoomListener listener);

    /**
     * Sends an EVENT packet to the selected sockets: encoded once ({@link AdapterContext#encode}),
     * the same messages written to each.
     */
    void broadcast(SocketPacket packet, BroadcastOptions opts);

    /**
     * As {@link #broadcast}, for a packet with an ack id: registers {@code ack} on every recipient
     * under that id. {@code clientCount} is called once per server with the number of sockets it
     * wrote to (with the in-memory adapter: once, before this method returns).
     */
    void broadcastWithAck(
            SocketPacket packet,
            BroadcastOptions opts,
            IntConsumer clientCount,
            Consumer<Args> ack);

    /** Forgets the acknowledgements still awaited for a broadcast that timed out. */
    default void removeAcks(long ackId, BroadcastOptions opts) {}

    /** The ids of the sockets in any of {@code rooms} (all when empty). */
    CompletionStage<Set<String>> sockets(Set<String> rooms);

    /** The selected sockets, across the cluster. */
    CompletionStage<List<RemoteSocket>> fetchSockets(BroadcastOptions opts);

    /** Makes the selected sockets join rooms. */
    CompletionStage<Void> addSockets(BroadcastOptions opts, Set<String> rooms);

    /** Makes the selected sockets leave rooms. */
    CompletionStage<Void> delSockets(BroadcastOptions opts, Set<String> rooms);

    /** Disconnects the selected sockets; with {@code close}, closes their connections. */
    void disconnectSockets(BroadcastOptions opts, boolean close);

    /**
     * Sends a server-side event ({@code [event, ...args]}) to the other servers of the cluster. The
     * in-memory adapter has none and drops it.
     */
    default void serverSideEmit(SocketPacket packet) {}

    /**
     * As {@link #serverSideEmit}, collecting one acknowledgement per other server. The in-memory
     * adapter completes at once with an empty list.
     */
    default CompletionStage<List<Args>> serverSideEmitWithAck(SocketPacket packet) {
        return CompletableFuture.completedFuture(List.of());
    }

    /**
     * Keeps the session of a socket whose connection dropped for a recoverable reason, for {@link
     * #restoreSession}, until {@code maxDisconnectionDuration} passes. Called only when connection
     * state recovery is on; the default (an adapter without recovery) keeps nothing.
     */
    default void persistSession(SessionToPersist session) {}

    /**
     * Takes back the session {@code pid} with the packets the client missed after {@code offset}
     * (the last offset it saw). Empty when the session is unknown or expired, or the offset is no
     * longer known (the client then gets a new session); a session is restored at most once.
     *
     * <p>The default (an adapter without recovery) restores nothing.
     */
    default CompletionStage<Optional<Session>> restoreSession(String pid, String offset) {
        return CompletableFuture.completedFuture(Optional.empty());
    }
}
