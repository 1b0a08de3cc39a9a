package io.jsocketio.redis.streams.internal;

import static io.jsocketio.redis.internal.ClusterMessages.BROADCAST;
import static io.jsocketio.redis.internal.ClusterMessages.BROADCAST_ACK;
import static io.jsocketio.redis.internal.ClusterMessages.BROADCAST_CLIENT_COUNT;
import static io.jsocketio.redis.internal.ClusterMessages.DISCONNECT_SOCKETS;
import static io.jsocketio.redis.internal.ClusterMessages.FETCH_SOCKETS;
import static io.jsocketio.redis.internal.ClusterMessages.FETCH_SOCKETS_RESPONSE;
import static io.jsocketio.redis.internal.ClusterMessages.SERVER_SIDE_EMIT;
import static io.jsocketio.redis.internal.ClusterMessages.SERVER_SIDE_EMIT_RESPONSE;
import static io.jsocketio.redis.internal.ClusterMessages.SOCKETS_JOIN;
import static io.jsocketio.redis.internal.ClusterMessages.SOCKETS_LEAVE;
import static io.jsocketio.redis.internal.Requests.json;
import static io.jsocketio.redis.internal.Requests.optsFromWire;
import static io.jsocketio.redis.internal.Requests.optsToWire;
import static io.jsocketio.redis.internal.Requests.strings;

import io.jsocketio.Args;
import io.jsocketio.ConnectionStateRecovery;
import io.jsocketio.RemoteSocket;
import io.jsocketio.parser.SocketPacket;
import io.jsocketio.redis.internal.ClusterMessages;
import io.jsocketio.redis.internal.LocalIndexAdapter;
import io.jsocketio.redis.internal.Pending;
import io.jsocketio.redis.internal.PendingRequests;
import io.jsocketio.redis.internal.RedisBus;
import io.jsocketio.redis.internal.RemoteCalls;
import io.jsocketio.redis.internal.Values;
import io.jsocketio.spi.AdapterContext;
import io.jsocketio.spi.BroadcastOptions;
import io.jsocketio.spi.Session;
import io.jsocketio.spi.SessionToPersist;
import io.jsocketio.spi.Sessions;
import io.lettuce.core.XAddArgs;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.jspecify.annotations.Nullable;

/**
 * The adapter of one namespace in a Redis Streams cluster, speaking npm {@code
 * @socket.io/redis-streams-adapter} 0.3.x (a {@code ClusterAdapter}): broadcasts and room
 * operations are appended to the stream ({@code XADD <stream> MAXLEN ~ <maxLen> *}); requests that
 * need no replay (broadcasts with acknowledgement, fetchSockets, server-side events) go over
 * pub/sub on {@code <prefix>#<nsp>#}, answers to {@code <prefix>#<nsp>#<uid>#}. Local work goes to
 * the in-memory adapter it wraps.
 *
 * <p>With connection state recovery on, a replayable broadcast carries its stream entry id as its
 * offset, on this server (once {@code XADD} answered) as on the others (read from the stream), and
 * sessions are kept in Redis ({@link SessionStore}), so that a client recovers on any server.
 *
 * <p>Thread-safety: safe for concurrent use; never blocks. What arrives from Redis is handled on
 * the bus's inbound thread.
 */
public final class StreamsAdapter extends LocalIndexAdapter {
    private static final System.Logger LOG = System.getLogger(StreamsAdapter.class.getName());

    private final RedisBus bus;
    private final StreamsSettings settings;
    private final Runnable onClose;
    private final String uid = ClusterMessages.randomId();
    private final String publicChannel;
    private final String privateChannel;
    private final byte[] stream;
    private final SessionStore sessions;
    private final PendingRequests pending;

    /**
     * The adapter of the namespace {@code context} describes.
     *
     * @param onClose called once when the adapter closes
     */
    public StreamsAdapter(
            AdapterContext context, RedisBus bus, StreamsSettings settings, Runnable onClose) {
        super(context);
        this.bus = bus;
        this.settings = settings;
        this.onClose = onClose;
        this.publicChannel = settings.channelPrefix() + "#" + context.name() + "#";
        this.privateChannel = publicChannel + uid + "#";
        this.stream = settings.streamName().getBytes(StandardCharsets.UTF_8);
        this.sessions =
                new SessionStore(
                        bus, settings.streamName(), settings.sessionKeyPrefix(), context.name());
        this.pending = new PendingRequests(context.scheduler());
    }

    @Override
    public CompletionStage<Void> init() {
        return bus.subscribe(this::onPubSub, publicChannel, privateChannel);
    }

    @Override
    public void close() {
        bus.unsubscribeChannels(publicChannel, privateChannel);
        local.close();
        onClose.run();
    }

    @Override
    public CompletionStage<Integer> serverCount() {
        return bus.numsub(publicChannel).thenApply(n -> (int) Math.max(1, n));
    }

    // ---- publishing

    private ClusterMessage message(int type, @Nullable Map<String, @Nullable Object> data) {
        return new ClusterMessage(uid, context.name(), type, data);
    }

    /** Appends to the stream; completes with the entry id. */
    private CompletionStage<String> append(ClusterMessage message) {
        Map<byte[], byte[]> body = new LinkedHashMap<>();
        message.toEntry()
                .forEach(
                        (k, v) ->
                                body.put(
                                        k.getBytes(StandardCharsets.UTF_8),
                                        v.getBytes(StandardCharsets.UTF_8)));
        XAddArgs args = new XAddArgs().maxlen(settings.maxLen()).approximateTrimming();
        return bus.commands().xadd(stream, args, body);
    }

    private void appendAndLog(ClusterMessage message) {
        append(message)
                .whenComplete(
                        (id, error) -> {
                            if (error != null) {
                                LOG.log(
                                        System.Logger.Level.DEBUG,
                                        () -> "publishing to the stream failed: " + error);
                            }
                        });
    }

    private void publish(ClusterMessage message) {
        bus.publish(publicChannel, message.toPubSub());
    }

    private void respond(String requesterUid, int type, Map<String, @Nullable Object> data) {
        bus.publish(
                settings.channelPrefix() + "#" + context.name() + "#" + requesterUid + "#",
                message(type, data).toPubSub());
    }

    private boolean recoveryOn() {
        return context.connectionStateRecovery().isPresent();
    }

    /** The packet as this server delivers it: with its offset when it can be replayed. */
    private SocketPacket withOffset(
            SocketPacket packet, BroadcastOptions opts, @Nullable String id) {
        return id != null && recoveryOn() && Sessions.isReplayable(packet, opts)
                ? packet.withOffset(id)
                : packet;
    }

    // ---- broadcasts

    @Override
    public void broadcast(SocketPacket packet, BroadcastOptions opts) {
        SocketPacket p = own(packet);
        if (opts.flags().local()) {
            local.broadcast(p, opts);
            return;
        }
        append(
                        message(
                                BROADCAST,
                                json(
                                        "packet",
                                        Values.packetToWire(p, false),
                                        "opts",
                                        optsToWire(opts, true))))
                .whenComplete(
                        (id, error) -> {
                            if (error != null) {
                                LOG.log(
                                        System.Logger.Level.DEBUG,
                                        () -> "broadcast not published: " + error);
                            }
                            local.broadcast(withOffset(p, opts, id), opts);
                        });
    }

    @Override
    public void broadcastWithAck(
            SocketPacket packet,
            BroadcastOptions opts,
            IntConsumer clientCount,
            Consumer<Args> ack) {
        SocketPacket p = own(packet);
        if (!opts.flags().local()) {
            String requestId = ClusterMessages.randomId();
            Duration timeout = opts.flags().timeout();
            pending.registerAck(
                    requestId,
                    timeout != null ? timeout : settings.requestsTimeout(),
                    clientCount,
                    ack);
            publish(
                    message(
                            BROADCAST,
                            json(
                                    "packet",
                                    Values.packetToWire(p, false),
                                    "requestId",
                                    requestId,
                                    "opts",
                                    optsToWire(opts, true))));
        }
        local.broadcastWithAck(p, opts, clientCount, ack);
    }

    // ---- room operations and requests

    @Override
    public CompletionStage<Void> addSockets(BroadcastOptions opts, Set<String> rooms) {
        if (!opts.flags().local()) {
            appendAndLog(
                    message(
                            SOCKETS_JOIN,
                            json("opts", optsToWire(opts, true), "rooms", new ArrayList<>(rooms))));
        }
        return local.addSockets(opts, rooms);
    }

    @Override
    public CompletionStage<Void> delSockets(BroadcastOptions opts, Set<String> rooms) {
        if (!opts.flags().local()) {
            appendAndLog(
                    message(
                            SOCKETS_LEAVE,
                            json("opts", optsToWire(opts, true), "rooms", new ArrayList<>(rooms))));
        }
        return local.delSockets(opts, rooms);
    }

    @Override
    public void disconnectSockets(BroadcastOptions opts, boolean close) {
        if (!opts.flags().local()) {
            appendAndLog(
                    message(
                            DISCONNECT_SOCKETS,
                            json("opts", optsToWire(opts, true), "close", close)));
        }
        local.disconnectSockets(opts, close);
    }

    @Override
    public CompletionStage<List<RemoteSocket>> fetchSockets(BroadcastOptions opts) {
        return fetchFromCluster(
                opts,
                answers -> {
                    String requestId = ClusterMessages.randomId();
                    return request(
                            requestId,
                            answers,
                            message(
                                    FETCH_SOCKETS,
                                    json("opts", optsToWire(opts, true), "requestId", requestId)),
                            "fetchSockets");
                });
    }

    @Override
    public void serverSideEmit(SocketPacket packet) {
        publish(
                message(
                        SERVER_SIDE_EMIT,
                        json("packet", Values.fromJson(packet.data(), packet.attachments()))));
    }

    @Override
    public CompletionStage<List<Args>> serverSideEmitWithAck(SocketPacket packet) {
        return emitToOthers(
                "packet",
                answers -> {
                    String requestId = ClusterMessages.randomId();
                    return request(
                            requestId,
                            answers,
                            message(
                                    SERVER_SIDE_EMIT,
                                    json(
                                            "requestId",
                                            requestId,
                                            "packet",
                                            Values.fromJson(packet.data(), packet.attachments()))),
                            "serverSideEmit");
                });
    }

    private <T> CompletableFuture<T> request(
            String requestId, Pending<T> awaited, ClusterMessage message, String what) {
        CompletableFuture<T> result =
                pending.await(requestId, awaited, settings.requestsTimeout(), what);
        publish(message);
        return result;
    }

    // ---- recovery

    @Override
    public void persistSession(SessionToPersist session) {
        Optional<ConnectionStateRecovery> recovery = context.connectionStateRecovery();
        recovery.ifPresent(r -> sessions.persist(session, r.maxDisconnectionDuration()));
    }

    @Override
    public CompletionStage<Optional<Session>> restoreSession(String pid, String offset) {
        if (!recoveryOn()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return sessions.restore(pid, offset);
    }

    // ---- what arrives

    /** An entry of the stream (bus thread). */
    void onEntry(String id, ClusterMessage message) {
        if (message.uid().equals(uid) || !message.nsp().equals(context.name())) {
            return;
        }
        onMessage(message, id);
    }

    /** A message on pub/sub (bus thread). */
    private void onPubSub(String channel, byte[] payload) {
        ClusterMessage message;
        try {
            message = ClusterMessage.fromPubSub(payload);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, () -> "ignored a malformed message: " + e);
            return;
        }
        if (message.uid().equals(uid) || !message.nsp().equals(context.name())) {
            return;
        }
        onMessage(message, null);
    }

    private void onMessage(ClusterMessage message, @Nullable String offset) {
        if (message.isResponse()) {
            onResponse(message);
            return;
        }
        switch (message.type()) {
            case BROADCAST -> {
                Object requestId = message.get("requestId");
                BroadcastOptions opts = optsFromWire(message.get("opts"));
                if (requestId != null) {
                    onBroadcastWithAck(
                            message.uid(), requestId.toString(), message.get("packet"), opts);
                } else {
                    SocketPacket p =
                            own(Values.packetFromWire(message.get("packet"), context.name()));
                    local.broadcast(withOffset(p, opts, offset), opts);
                }
            }
            case SOCKETS_JOIN ->
                    local.addSockets(
                            optsFromWire(message.get("opts")), strings(message.get("rooms")));
            case SOCKETS_LEAVE ->
                    local.delSockets(
                            optsFromWire(message.get("opts")), strings(message.get("rooms")));
            case DISCONNECT_SOCKETS ->
                    local.disconnectSockets(
                            optsFromWire(message.get("opts")),
                            Boolean.TRUE.equals(message.get("close")));
            case FETCH_SOCKETS -> onFetchSockets(message);
            case SERVER_SIDE_EMIT -> onServerSideEmit(message);
            default ->
                    LOG.log(
                            System.Logger.Level.DEBUG,
                            () -> "ignored a message of type " + message.type());
        }
    }

    private void onBroadcastWithAck(
            String requester,
            String requestId,
            @Nullable Object wirePacket,
            BroadcastOptions opts) {
        RemoteCalls.broadcastWithAck(
                context,
                local,
                wirePacket,
                opts,
                count ->
                        respond(
                                requester,
                                BROADCAST_CLIENT_COUNT,
                                json("requestId", requestId, "clientCount", (long) count)),
                first ->
                        respond(
                                requester,
                                BROADCAST_ACK,
                                json("requestId", requestId, "packet", first)));
    }

    private void onFetchSockets(ClusterMessage message) {
        Object requestId = message.get("requestId");
        if (requestId == null) {
            return;
        }
        local.fetchSockets(optsFromWire(message.get("opts")))
                .thenAccept(
                        sockets ->
                                respond(
                                        message.uid(),
                                        FETCH_SOCKETS_RESPONSE,
                                        json(
                                                "requestId",
                                                requestId,
                                                "sockets",
                                                RemoteCalls.socketsToWire(sockets))));
    }

    private void onServerSideEmit(ClusterMessage message) {
        Object requestId = message.get("requestId");
        RemoteCalls.serverSideEmit(
                context,
                message.get("packet"),
                requestId == null
                        ? null
                        : first ->
                                respond(
                                        message.uid(),
                                        SERVER_SIDE_EMIT_RESPONSE,
                                        json("requestId", requestId, "packet", first)));
    }

    private void onResponse(ClusterMessage response) {
        Object id = response.get("requestId");
        if (id == null) {
            return;
        }
        String requestId = id.toString();
        if (pending.ownsAck(requestId)) {
            if (response.type() == BROADCAST_CLIENT_COUNT
                    && response.get("clientCount") instanceof Number n) {
                pending.onClientCount(requestId, n.intValue());
            } else if (response.type() == BROADCAST_ACK) {
                pending.onAck(requestId, argsOf(response.get("packet")));
            }
            return;
        }
        Map<String, @Nullable Object> answer = response.data();
        if (answer != null) {
            pending.onAnswer(requestId, answer);
        }
    }
}
