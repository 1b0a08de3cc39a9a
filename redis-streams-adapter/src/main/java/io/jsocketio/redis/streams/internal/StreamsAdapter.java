package io.jsocketio.redis.streams.internal;

import static io.jsocketio.redis.internal.Requests.json;
import static io.jsocketio.redis.internal.Requests.optsFromWire;
import static io.jsocketio.redis.internal.Requests.optsToWire;
import static io.jsocketio.redis.internal.Requests.strings;
import static io.jsocketio.redis.streams.internal.ClusterMessage.BROADCAST;
import static io.jsocketio.redis.streams.internal.ClusterMessage.BROADCAST_ACK;
import static io.jsocketio.redis.streams.internal.ClusterMessage.BROADCAST_CLIENT_COUNT;
import static io.jsocketio.redis.streams.internal.ClusterMessage.DISCONNECT_SOCKETS;
import static io.jsocketio.redis.streams.internal.ClusterMessage.FETCH_SOCKETS;
import static io.jsocketio.redis.streams.internal.ClusterMessage.FETCH_SOCKETS_RESPONSE;
import static io.jsocketio.redis.streams.internal.ClusterMessage.SERVER_SIDE_EMIT;
import static io.jsocketio.redis.streams.internal.ClusterMessage.SERVER_SIDE_EMIT_RESPONSE;
import static io.jsocketio.redis.streams.internal.ClusterMessage.SOCKETS_JOIN;
import static io.jsocketio.redis.streams.internal.ClusterMessage.SOCKETS_LEAVE;

import io.jsocketio.Args;
import io.jsocketio.ConnectionStateRecovery;
import io.jsocketio.RemoteSocket;
import io.jsocketio.parser.SocketPacket;
import io.jsocketio.parser.SocketPacketType;
import io.jsocketio.redis.internal.LocalRoomsAdapter;
import io.jsocketio.redis.internal.Pending;
import io.jsocketio.redis.internal.RedisBus;
import io.jsocketio.redis.internal.SocketDetails;
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
import java.util.concurrent.ConcurrentHashMap;
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
public final class StreamsAdapter extends LocalRoomsAdapter {
    private static final System.Logger LOG = System.getLogger(StreamsAdapter.class.getName());

    private final RedisBus bus;
    private final StreamsSettings settings;
    private final Runnable onClose;
    private final String uid = ClusterMessage.randomId();
    private final String publicChannel;
    private final String privateChannel;
    private final byte[] stream;
    private final SessionStore sessions;
    private final Map<String, Pending<?>> requests = new ConcurrentHashMap<>();
    private final Map<String, AckRequest> ackRequests = new ConcurrentHashMap<>();

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
            String requestId = ClusterMessage.randomId();
            ackRequests.put(requestId, new AckRequest(clientCount, ack));
            Duration timeout = opts.flags().timeout();
            context.scheduler()
                    .schedule(
                            timeout != null ? timeout : settings.requestsTimeout(),
                            () -> ackRequests.remove(requestId));
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
        CompletionStage<List<RemoteSocket>> localSockets = local.fetchSockets(opts);
        if (opts.flags().local()) {
            return localSockets;
        }
        return localSockets.thenCompose(
                mine ->
                        serverCountOrOne()
                                .thenCompose(
                                        count -> {
                                            if (count <= 1) {
                                                return CompletableFuture.completedFuture(mine);
                                            }
                                            String requestId = ClusterMessage.randomId();
                                            Pending.Fetch pending =
                                                    new Pending.Fetch(
                                                            count,
                                                            mine,
                                                            o ->
                                                                    SocketDetails.fromWire(
                                                                            context, this, o));
                                            return request(
                                                    requestId,
                                                    pending,
                                                    message(
                                                            FETCH_SOCKETS,
                                                            json(
                                                                    "opts",
                                                                    optsToWire(opts, true),
                                                                    "requestId",
                                                                    requestId)),
                                                    "fetchSockets");
                                        }));
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
        return serverCountOrOne()
                .thenCompose(
                        count -> {
                            if (count <= 1) {
                                return CompletableFuture.completedFuture(List.<Args>of());
                            }
                            String requestId = ClusterMessage.randomId();
                            return request(
                                    requestId,
                                    new Pending.Emit(count - 1, this::argsOf),
                                    message(
                                            SERVER_SIDE_EMIT,
                                            json(
                                                    "requestId",
                                                    requestId,
                                                    "packet",
                                                    Values.fromJson(
                                                            packet.data(), packet.attachments()))),
                                    "serverSideEmit");
                        });
    }

    private <T> CompletableFuture<T> request(
            String requestId, Pending<T> pending, ClusterMessage message, String what) {
        requests.put(requestId, pending);
        var timer =
                context.scheduler()
                        .schedule(
                                settings.requestsTimeout(),
                                () -> {
                                    if (requests.remove(requestId) != null) {
                                        pending.timeout(what);
                                    }
                                });
        pending.result.whenComplete((r, e) -> timer.cancel());
        publish(message);
        return pending.result;
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
                SocketPacket packet = Values.packetFromWire(message.get("packet"), context.name());
                BroadcastOptions opts = optsFromWire(message.get("opts"));
                if (requestId != null) {
                    onBroadcastWithAck(message.uid(), requestId.toString(), packet, opts);
                } else {
                    SocketPacket p = own(packet);
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
            String requester, String requestId, SocketPacket wire, BroadcastOptions opts) {
        long ackId = context.nextAckId();
        SocketPacket packet =
                new SocketPacket(
                        SocketPacketType.EVENT,
                        context.name(),
                        ackId,
                        wire.data(),
                        wire.attachments());
        local.broadcastWithAck(
                packet,
                opts,
                count ->
                        respond(
                                requester,
                                BROADCAST_CLIENT_COUNT,
                                json("requestId", requestId, "clientCount", (long) count)),
                args -> {
                    List<Object> values = args.toList();
                    respond(
                            requester,
                            BROADCAST_ACK,
                            json(
                                    "requestId",
                                    requestId,
                                    "packet",
                                    values.isEmpty() ? null : values.get(0)));
                });
        Duration timeout = opts.flags().timeout();
        if (timeout != null) {
            context.scheduler().schedule(timeout, () -> local.removeAcks(ackId, opts));
        }
    }

    private void onFetchSockets(ClusterMessage message) {
        Object requestId = message.get("requestId");
        if (requestId == null) {
            return;
        }
        local.fetchSockets(optsFromWire(message.get("opts")))
                .thenAccept(
                        sockets -> {
                            List<Object> out = new ArrayList<>();
                            for (RemoteSocket s : sockets) {
                                out.add(SocketDetails.toWire(s));
                            }
                            respond(
                                    message.uid(),
                                    FETCH_SOCKETS_RESPONSE,
                                    json("requestId", requestId, "sockets", out));
                        });
    }

    private void onServerSideEmit(ClusterMessage message) {
        if (!(message.get("packet") instanceof List<?> data) || data.isEmpty()) {
            return;
        }
        SocketPacket packet = Values.serverSideEvent(data, context.name());
        Object requestId = message.get("requestId");
        if (requestId == null) {
            context.onServerSideEmit(packet, null);
            return;
        }
        context.onServerSideEmit(
                packet,
                reply ->
                        respond(
                                message.uid(),
                                SERVER_SIDE_EMIT_RESPONSE,
                                json(
                                        "requestId",
                                        requestId,
                                        "packet",
                                        Values.firstArgument(reply))));
    }

    private void onResponse(ClusterMessage response) {
        Object id = response.get("requestId");
        if (id == null) {
            return;
        }
        String requestId = id.toString();
        AckRequest ackRequest = ackRequests.get(requestId);
        if (ackRequest != null) {
            if (response.type() == BROADCAST_CLIENT_COUNT
                    && response.get("clientCount") instanceof Number n) {
                ackRequest.clientCount().accept(n.intValue());
            } else if (response.type() == BROADCAST_ACK) {
                ackRequest.ack().accept(argsOf(response.get("packet")));
            }
            return;
        }
        Pending<?> pending = requests.get(requestId);
        if (pending == null) {
            return;
        }
        Map<String, @Nullable Object> answer =
                response.type() == SERVER_SIDE_EMIT_RESPONSE
                        ? json("data", response.get("packet"))
                        : response.data();
        if (answer != null && pending.onResponse(answer)) {
            requests.remove(requestId);
        }
    }

    private record AckRequest(IntConsumer clientCount, Consumer<Args> ack) {}
}
