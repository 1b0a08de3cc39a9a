package io.jsocketio.redis.internal;

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
import static io.jsocketio.redis.internal.ClusterMessages.data;
import static io.jsocketio.redis.internal.ClusterMessages.randomId;
import static io.jsocketio.redis.internal.ClusterMessages.type;
import static io.jsocketio.redis.internal.Requests.json;
import static io.jsocketio.redis.internal.Requests.optsFromWire;
import static io.jsocketio.redis.internal.Requests.optsToWire;
import static io.jsocketio.redis.internal.Requests.strings;

import io.jsocketio.Args;
import io.jsocketio.RemoteSocket;
import io.jsocketio.parser.SocketPacket;
import io.jsocketio.redis.RedisShardedAdapterFactory.SubscriptionMode;
import io.jsocketio.spi.AdapterContext;
import io.jsocketio.spi.BroadcastOptions;
import io.jsocketio.spi.RoomListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.jspecify.annotations.Nullable;

/**
 * The adapter of one namespace over Redis sharded pub/sub, speaking what {@code
 * createShardedAdapter} of npm {@code @socket.io/redis-adapter} 8.x speaks (the {@code
 * ClusterAdapter} messages of {@code socket.io-adapter}): broadcasts on {@code <prefix>#<nsp>#}, or
 * on {@code <prefix>#<nsp>#<room>#} for a single public room in the dynamic modes; answers on the
 * requester's {@code <prefix>#<nsp>#<uid>#}; the number of servers is {@code PUBSUB SHARDNUMSUB} of
 * the namespace channel.
 *
 * <p>Thread-safety: safe for concurrent use; never blocks. What arrives from Redis is handled on
 * the {@link ShardedBus} thread; listeners run on the server's callback lane.
 */
public final class ShardedRedisAdapter extends LocalIndexAdapter {
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    private static final System.Logger LOG = System.getLogger(ShardedRedisAdapter.class.getName());

    private final ShardedBus bus;
    private final SubscriptionMode mode;
    private final String uid = randomId();
    private final String channel;
    private final String responseChannel;
    private final PendingRequests pending;
    private final Set<String> roomChannels = ConcurrentHashMap.newKeySet();
    private final RoomListener roomSubscriber = new RoomSubscriber();

    /**
     * The adapter of the namespace {@code context} describes.
     *
     * @param channelPrefix {@code socket.io} by default
     */
    public ShardedRedisAdapter(
            AdapterContext context, ShardedBus bus, String channelPrefix, SubscriptionMode mode) {
        super(context);
        this.bus = bus;
        this.mode = mode;
        this.channel = channelPrefix + "#" + context.name() + "#";
        this.responseChannel = channel + uid + "#";
        this.pending = new PendingRequests(context.scheduler());
    }

    @Override
    public CompletionStage<Void> init() {
        if (mode != SubscriptionMode.STATIC) {
            local.addRoomListener(roomSubscriber);
        }
        return CompletableFuture.allOf(
                bus.subscribe(channel, this::onRawMessage).toCompletableFuture(),
                bus.subscribe(responseChannel, this::onRawMessage).toCompletableFuture());
    }

    @Override
    public void close() {
        local.removeRoomListener(roomSubscriber);
        bus.unsubscribe(channel);
        bus.unsubscribe(responseChannel);
        for (String room : roomChannels) {
            bus.unsubscribe(roomChannel(room));
        }
        roomChannels.clear();
        local.close();
    }

    @Override
    public CompletionStage<Integer> serverCount() {
        return bus.numsub(channel).thenApply(n -> (int) Math.max(1, n));
    }

    // ---- channels

    private String roomChannel(String room) {
        return channel + room + "#";
    }

    /** Node's test: a room named like a socket id (20 characters) is taken for a private one. */
    private static boolean looksLikeASocketId(String room) {
        return room.length() == 20;
    }

    /** A room with its own channel: public rooms in "dynamic" mode, all in "dynamic-private". */
    private boolean hasOwnChannel(String room) {
        return mode == SubscriptionMode.DYNAMIC_PRIVATE
                || mode == SubscriptionMode.DYNAMIC && local.socketRooms(room).isEmpty();
    }

    /** Where a broadcast without acks goes (with acks: always the namespace channel). */
    private String broadcastChannel(BroadcastOptions opts) {
        if (opts.rooms().size() == 1) {
            String room = opts.rooms().iterator().next();
            if (mode == SubscriptionMode.DYNAMIC_PRIVATE
                    || mode == SubscriptionMode.DYNAMIC && !looksLikeASocketId(room)) {
                return roomChannel(room);
            }
        }
        return channel;
    }

    private void publish(String target, int type, Map<String, @Nullable Object> data) {
        bus.publish(target, ClusterMessages.encode(uid, context.name(), type, data));
    }

    private void publishResponse(
            @Nullable Object requesterUid, int type, Map<String, @Nullable Object> data) {
        if (requesterUid != null) {
            publish(channel + requesterUid + "#", type, data);
        }
    }

    // ---- broadcasts

    @Override
    public void broadcast(SocketPacket packet, BroadcastOptions opts) {
        SocketPacket p = own(packet);
        if (!opts.flags().local()) {
            publish(
                    broadcastChannel(opts),
                    BROADCAST,
                    json("opts", optsToWire(opts, true), "packet", Values.packetToWire(p, false)));
        }
        local.broadcast(p, opts);
    }

    @Override
    public void broadcastWithAck(
            SocketPacket packet,
            BroadcastOptions opts,
            IntConsumer clientCount,
            Consumer<Args> ack) {
        SocketPacket p = own(packet);
        if (!opts.flags().local()) {
            String requestId = randomId();
            Duration timeout = opts.flags().timeout();
            pending.registerAck(
                    requestId, timeout != null ? timeout : DEFAULT_TIMEOUT, clientCount, ack);
            publish(
                    channel,
                    BROADCAST,
                    json(
                            "opts",
                            optsToWire(opts, true),
                            "packet",
                            Values.packetToWire(p, false),
                            "requestId",
                            requestId));
        }
        local.broadcastWithAck(p, opts, clientCount, ack);
    }

    // ---- cluster-wide operations

    @Override
    public CompletionStage<List<RemoteSocket>> fetchSockets(BroadcastOptions opts) {
        return fetchFromCluster(
                opts,
                answers -> {
                    String requestId = randomId();
                    Duration timeout = opts.flags().timeout();
                    CompletableFuture<List<RemoteSocket>> result =
                            pending.await(
                                    requestId,
                                    answers,
                                    timeout != null ? timeout : DEFAULT_TIMEOUT,
                                    "fetchSockets");
                    publish(
                            channel,
                            FETCH_SOCKETS,
                            json("opts", optsToWire(opts, true), "requestId", requestId));
                    return result;
                });
    }

    @Override
    public CompletionStage<Void> addSockets(BroadcastOptions opts, Set<String> rooms) {
        if (!opts.flags().local()) {
            publish(
                    channel,
                    SOCKETS_JOIN,
                    json("opts", optsToWire(opts, true), "rooms", new ArrayList<>(rooms)));
        }
        return local.addSockets(opts, rooms);
    }

    @Override
    public CompletionStage<Void> delSockets(BroadcastOptions opts, Set<String> rooms) {
        if (!opts.flags().local()) {
            publish(
                    channel,
                    SOCKETS_LEAVE,
                    json("opts", optsToWire(opts, true), "rooms", new ArrayList<>(rooms)));
        }
        return local.delSockets(opts, rooms);
    }

    @Override
    public void disconnectSockets(BroadcastOptions opts, boolean close) {
        if (!opts.flags().local()) {
            publish(
                    channel,
                    DISCONNECT_SOCKETS,
                    json("opts", optsToWire(opts, true), "close", close));
        }
        local.disconnectSockets(opts, close);
    }

    private static @Nullable Object eventToWire(SocketPacket packet) {
        return Values.fromJson(packet.data(), packet.attachments());
    }

    @Override
    public void serverSideEmit(SocketPacket packet) {
        publish(channel, SERVER_SIDE_EMIT, json("packet", eventToWire(packet)));
    }

    @Override
    public CompletionStage<List<Args>> serverSideEmitWithAck(SocketPacket packet) {
        return emitToOthers(
                "packet",
                answers -> {
                    String requestId = randomId();
                    CompletableFuture<List<Args>> result =
                            pending.await(requestId, answers, DEFAULT_TIMEOUT, "serverSideEmit");
                    publish(
                            channel,
                            SERVER_SIDE_EMIT,
                            json("requestId", requestId, "packet", eventToWire(packet)));
                    return result;
                });
    }

    // ---- what other servers publish

    /** A message on one of this namespace's channels. */
    void onRawMessage(String channelName, byte[] raw) {
        Map<String, @Nullable Object> message = Values.parseMessage(raw);
        if (channelName.equals(responseChannel)) {
            onResponse(message);
        } else {
            onMessage(message);
        }
    }

    private void onMessage(Map<String, @Nullable Object> message) {
        Object sender = message.get("uid");
        if (uid.equals(sender) || !context.name().equals(message.get("nsp"))) {
            return;
        }
        Map<String, @Nullable Object> data = data(message);
        Object requestId = data.get("requestId");
        int type = type(message);
        switch (type) {
            case BROADCAST -> {
                BroadcastOptions opts = optsFromWire(data.get("opts"));
                if (requestId == null) {
                    local.broadcast(
                            Values.packetFromWire(data.get("packet"), context.name()), opts);
                    return;
                }
                RemoteCalls.broadcastWithAck(
                        context,
                        local,
                        data.get("packet"),
                        opts,
                        count ->
                                publishResponse(
                                        sender,
                                        BROADCAST_CLIENT_COUNT,
                                        json("requestId", requestId, "clientCount", (long) count)),
                        first ->
                                publishResponse(
                                        sender,
                                        BROADCAST_ACK,
                                        json("requestId", requestId, "packet", first)));
            }
            case SOCKETS_JOIN ->
                    local.addSockets(optsFromWire(data.get("opts")), strings(data.get("rooms")));
            case SOCKETS_LEAVE ->
                    local.delSockets(optsFromWire(data.get("opts")), strings(data.get("rooms")));
            case DISCONNECT_SOCKETS ->
                    local.disconnectSockets(
                            optsFromWire(data.get("opts")), Boolean.TRUE.equals(data.get("close")));
            case FETCH_SOCKETS ->
                    local.fetchSockets(optsFromWire(data.get("opts")))
                            .thenAccept(
                                    sockets ->
                                            publishResponse(
                                                    sender,
                                                    FETCH_SOCKETS_RESPONSE,
                                                    json(
                                                            "requestId",
                                                            requestId,
                                                            "sockets",
                                                            RemoteCalls.socketsToWire(sockets))));
            case SERVER_SIDE_EMIT ->
                    RemoteCalls.serverSideEmit(
                            context,
                            data.get("packet"),
                            requestId == null
                                    ? null
                                    : first ->
                                            publishResponse(
                                                    sender,
                                                    SERVER_SIDE_EMIT_RESPONSE,
                                                    json("requestId", requestId, "packet", first)));
            case BROADCAST_CLIENT_COUNT,
                            BROADCAST_ACK,
                            FETCH_SOCKETS_RESPONSE,
                            SERVER_SIDE_EMIT_RESPONSE ->
                    onResponse(message);
            default ->
                    LOG.log(System.Logger.Level.DEBUG, () -> "ignored a message of type " + type);
        }
    }

    private void onResponse(Map<String, @Nullable Object> response) {
        Map<String, @Nullable Object> data = data(response);
        if (data.get("requestId") == null) {
            return;
        }
        String requestId = data.get("requestId").toString();
        switch (type(response)) {
            case BROADCAST_CLIENT_COUNT -> {
                if (data.get("clientCount") instanceof Number n) {
                    pending.onClientCount(requestId, n.intValue());
                }
            }
            case BROADCAST_ACK -> pending.onAck(requestId, argsOf(data.get("packet")));
            case FETCH_SOCKETS_RESPONSE, SERVER_SIDE_EMIT_RESPONSE ->
                    pending.onAnswer(requestId, data);
            default -> LOG.log(System.Logger.Level.DEBUG, "ignored an unknown response");
        }
    }

    /**
     * Keeps a room's channel subscribed while the room exists on this server (dynamic modes). Room
     * events of different sockets may reach it out of order, so each one only asks the bus thread
     * to compare the subscription with the room as it is then.
     */
    private final class RoomSubscriber implements RoomListener {
        @Override
        public void onCreateRoom(String room) {
            bus.execute(() -> syncRoom(room));
        }

        @Override
        public void onDeleteRoom(String room) {
            bus.execute(() -> syncRoom(room));
        }
    }

    /** On the bus thread: subscribes or drops {@code room}'s channel as the room now is. */
    private void syncRoom(String room) {
        boolean exists =
                !local.sockets(Set.of(room)).toCompletableFuture().getNow(Set.of()).isEmpty();
        if (exists && hasOwnChannel(room)) {
            if (roomChannels.add(room)) {
                bus.subscribe(roomChannel(room), this::onRawMessage);
            }
        } else if (roomChannels.remove(room)) {
            bus.unsubscribe(roomChannel(room));
        }
    }
}
