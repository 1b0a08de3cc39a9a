package io.jsocketio.spi;

import io.jsocketio.Args;
import io.jsocketio.ConnectionStateRecovery;
import io.jsocketio.Handshake;
import io.jsocketio.Namespace;
import io.jsocketio.RemoteSocket;
import io.jsocketio.engine.Scheduler;
import io.jsocketio.parser.SocketPacket;
import jakarta.json.JsonArray;
import jakarta.json.JsonValue;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * What an {@link Adapter} sees of its namespace and server: the local sockets, the encoder, the
 * scheduler, and the entry points for what arrives from other servers of a cluster.
 *
 * <p>Thread-safety: safe for concurrent use from any thread.
 */
public interface AdapterContext {

    /** The namespace name. */
    String name();

    /** The namespace. */
    Namespace namespace();

    /** The connected socket with this id on this server. */
    Optional<LocalSocket> socket(String id);

    /** The connected sockets of this namespace on this server, a snapshot. */
    Collection<LocalSocket> sockets();

    /**
     * Encodes a packet of this namespace once, with the server's {@link
     * io.jsocketio.ServerOptions#parser() parser}; the result may be written to any number of
     * sockets.
     */
    EncodedPacket encode(SocketPacket packet);

    /** A fresh acknowledgement id, unique among the ids this server has handed out. */
    long nextAckId();

    /** The server's scheduler, for timeouts. */
    Scheduler scheduler();

    /** The server's callback lane, for running listeners off I/O threads. */
    Executor executor();

    /**
     * Arguments read from wire data (placeholders resolved against {@code attachments}), such as an
     * acknowledgement that arrived from another server.
     */
    Args args(JsonArray data, List<byte[]> attachments);

    /**
     * A view of a socket that lives on another server; its operations go through {@code adapter}.
     *
     * @param data the socket's data as JSON, or null
     */
    RemoteSocket remoteSocket(
            Adapter adapter,
            String id,
            Handshake handshake,
            Set<String> rooms,
            @Nullable JsonValue data);

    /**
     * Delivers a server-side event that arrived from another server to this namespace's server-side
     * listeners.
     *
     * @param packet an EVENT packet whose data is {@code [event, ...args]}
     * @param reply receives the ACK packet when a listener acknowledges (first call only), or null
     *     when the sender wants no acknowledgement
     */
    void onServerSideEmit(SocketPacket packet, @Nullable Consumer<SocketPacket> reply);

    /**
     * The server's connection state recovery settings, or empty when it is off. A session-aware
     * adapter appends offsets to replayable broadcasts only when it is on.
     */
    default Optional<ConnectionStateRecovery> connectionStateRecovery() {
        return Optional.empty();
    }
}
