package io.jsocketio.redis.internal;

import static io.jsocketio.redis.internal.Requests.BROADCAST;
import static io.jsocketio.redis.internal.Requests.BROADCAST_ACK;
import static io.jsocketio.redis.internal.Requests.BROADCAST_CLIENT_COUNT;
import static io.jsocketio.redis.internal.Requests.REMOTE_DISCONNECT;
import static io.jsocketio.redis.internal.Requests.REMOTE_FETCH;
import static io.jsocketio.redis.internal.Requests.REMOTE_JOIN;
import static io.jsocketio.redis.internal.Requests.REMOTE_LEAVE;
import static io.jsocketio.redis.internal.Requests.SERVER_SIDE_EMIT;
import static io.jsocketio.redis.internal.Requests.json;
import static io.jsocketio.redis.internal.Requests.optsFromWire;
import static io.jsocketio.redis.internal.Requests.optsToWire;
import static io.jsocketio.redis.internal.Requests.uid;

import io.jsocketio.Args;
import io.jsocketio.RemoteSocket;
import io.jsocketio.parser.SocketPacket;
import io.jsocketio.spi.AdapterContext;
import io.jsocketio.spi.BroadcastOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.jspecify.annotations.Nullable;

/**
 * The adapter of one namespace in a Redis cluster, speaking npm {@code @socket.io/redis-adapter}
 * 8.x: local work goes to the in-memory adapter it wraps; broadcasts and requests also go to Redis,
 * and what other servers (Node or Java) or {@code @socket.io/redis-emitter} publish is applied
 * locally.
 *
 * <p>Thread-safety: safe for concurrent use; never blocks. Pending requests live in concurrent
 * maps; each request's state is guarded by its own lock, never held while calling out. What arrives
 * from Redis is handled on the {@link RedisBus} thread; listeners run on the server's callback
 * lane.
 */
public final class RedisAdapter extends LocalIndexAdapter {
    private static final Duration SUBSCRIBE_RETRY = Duration.ofSeconds(1);
    private static final System.Logger LOG = System.getLogger(RedisAdapter.class.getName());

    private final RedisBus bus;
    private final Duration requestsTimeout;
    private final String uid = uid();
    private final String channel;
    private final String requestChannel;
    private final String responseChannel;
    private final String ownResponseChannel;
    private final PendingRequests pending;
    private final RequestHandler requestHandler;
    private volatile boolean closed;

    /**
     * The adapter of the namespace {@code context} describes.
     *
     * @param key the channel prefix ({@code socket.io} by default)
     * @param specificResponseChannel whether answers go to the requester's own response channel
     */
    public RedisAdapter(
            AdapterContext context,
            RedisBus bus,
            String key,
            Duration requestsTimeout,
            boolean specificResponseChannel) {
        super(context);
        this.bus = bus;
        this.requestsTimeout = requestsTimeout;
        this.channel = key + "#" + context.name() + "#";
        this.requestChannel = key + "-request#" + context.name() + "#";
        this.responseChannel = key + "-response#" + context.name() + "#";
        this.ownResponseChannel = responseChannel + uid + "#";
        this.pending = new PendingRequests(context.scheduler());
        this.requestHandler =
                new RequestHandler(
                        context,
                        local,
                        bus,
                        uid,
                        responseChannel,
                        specificResponseChannel,
                        pending::ownsAck);
    }

    @Override
    public CompletionStage<Void> init() {
        CompletableFuture<Void> subscribed = new CompletableFuture<>();
        subscribe(subscribed);
        return subscribed;
    }

    /**
     * Subscribes this namespace's pattern and channels; while Redis is unreachable (a namespace
     * created during an outage), tries again every second until it succeeds or the adapter closes.
     */
    private void subscribe(CompletableFuture<Void> subscribed) {
        if (closed || bus.isClosed()) {
            return;
        }
        bus.subscribe(
                        channel + "*",
                        this::onMessage,
                        this::onRequest,
                        requestChannel,
                        responseChannel,
                        ownResponseChannel)
                .whenComplete(
                        (ok, error) -> {
                            if (error == null) {
                                subscribed.complete(null);
                                return;
                            }
                            LOG.log(
                                    System.Logger.Level.DEBUG,
                                    () ->
                                            "subscribing "
                                                    + channel
                                                    + "* failed, retrying: "
                                                    + error);
                            try {
                                context.scheduler()
                                        .schedule(SUBSCRIBE_RETRY, () -> subscribe(subscribed));
                            } catch (RuntimeException stopped) {
                                subscribed.completeExceptionally(error);
                            }
                        });
    }

    @Override
    public void close() {
        closed = true;
        bus.unsubscribe(channel + "*", requestChannel, responseChannel, ownResponseChannel);
        local.close();
    }

    @Override
    public CompletionStage<Integer> serverCount() {
        return bus.numsub(requestChannel).thenApply(n -> (int) Math.max(1, n));
    }

    // ---- broadcasts

    @Override
    public void broadcast(SocketPacket packet, BroadcastOptions opts) {
        SocketPacket p = own(packet);
        if (!opts.flags().local()) {
            List<@Nullable Object> message = new ArrayList<>();
            message.add(uid);
            message.add(Values.packetToWire(p, false));
            message.add(optsToWire(opts, true));
            String target = channel;
            if (opts.rooms().size() == 1) {
                target += opts.rooms().iterator().next() + "#";
            }
            bus.publish(target, Msgpack.encode(message));
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
            String requestId = uid();
            Map<String, @Nullable Object> request = new LinkedHashMap<>();
            request.put("uid", uid);
            request.put("requestId", requestId);
            request.put("type", (long) BROADCAST);
            request.put("packet", Values.packetToWire(p, false));
            request.put("opts", optsToWire(opts, true));
            Duration timeout = opts.flags().timeout();
            pending.registerAck(
                    requestId, timeout != null ? timeout : requestsTimeout, clientCount, ack);
            bus.publish(requestChannel, Msgpack.encode(request));
        }
        local.broadcastWithAck(p, opts, clientCount, ack);
    }

    /** A broadcast published by another server or by the emitter. */
    void onMessage(String channelName, byte[] message) {
        if (!channelName.startsWith(channel)) {
            return;
        }
        Object decoded = Msgpack.decode(message);
        if (!(decoded instanceof List<?> list) || list.size() < 3) {
            LOG.log(System.Logger.Level.DEBUG, () -> "ignored a malformed broadcast");
            return;
        }
        if (uid.equals(list.get(0))) {
            return;
        }
        SocketPacket packet = Values.packetFromWire(list.get(1), "/");
        if (!packet.namespace().equals(context.name())) {
            return;
        }
        local.broadcast(packet, optsFromWire(list.get(2)));
    }

    /** A request or response on this namespace's request/response channels. */
    void onRequest(String channelName, byte[] message) {
        if (channelName.startsWith(responseChannel)) {
            onResponse(Values.parseMessage(message));
        } else {
            requestHandler.handle(Values.parseMessage(message));
        }
    }

    // ---- responses to this server's requests

    private void onResponse(Map<String, @Nullable Object> response) {
        Object id = response.get("requestId");
        if (id == null) {
            return;
        }
        String requestId = id.toString();
        if (pending.ownsAck(requestId)) {
            int type = response.get("type") instanceof Number n ? n.intValue() : -1;
            if (type == BROADCAST_CLIENT_COUNT && response.get("clientCount") instanceof Number n) {
                pending.onClientCount(requestId, n.intValue());
            } else if (type == BROADCAST_ACK) {
                pending.onAck(requestId, argsOf(response.get("packet")));
            }
            return;
        }
        pending.onAnswer(requestId, response);
    }

    /** Publishes a request and registers what collects its answers, with the requests timeout. */
    private <T> CompletableFuture<T> request(
            Map<String, @Nullable Object> body, Pending<T> answers, String what) {
        String requestId = String.valueOf(body.get("requestId"));
        CompletableFuture<T> result = pending.await(requestId, answers, requestsTimeout, what);
        bus.publish(requestChannel, Values.toJsonText(body));
        return result;
    }

    // ---- cluster-wide operations

    @Override
    public CompletionStage<List<RemoteSocket>> fetchSockets(BroadcastOptions opts) {
        return fetchFromCluster(
                opts,
                answers ->
                        request(
                                json(
                                        "uid",
                                        uid,
                                        "requestId",
                                        uid(),
                                        "type",
                                        (long) REMOTE_FETCH,
                                        "opts",
                                        optsToWire(opts, false)),
                                answers,
                                "fetchSockets"));
    }

    private void publishRoomRequest(int type, BroadcastOptions opts, String key, Object value) {
        bus.publish(
                requestChannel,
                Values.toJsonText(
                        json(
                                "uid",
                                uid,
                                "type",
                                (long) type,
                                "opts",
                                optsToWire(opts, false),
                                key,
                                value)));
    }

    @Override
    public CompletionStage<Void> addSockets(BroadcastOptions opts, Set<String> rooms) {
        if (!opts.flags().local()) {
            publishRoomRequest(REMOTE_JOIN, opts, "rooms", new ArrayList<>(rooms));
        }
        return local.addSockets(opts, rooms);
    }

    @Override
    public CompletionStage<Void> delSockets(BroadcastOptions opts, Set<String> rooms) {
        if (!opts.flags().local()) {
            publishRoomRequest(REMOTE_LEAVE, opts, "rooms", new ArrayList<>(rooms));
        }
        return local.delSockets(opts, rooms);
    }

    @Override
    public void disconnectSockets(BroadcastOptions opts, boolean close) {
        if (!opts.flags().local()) {
            publishRoomRequest(REMOTE_DISCONNECT, opts, "close", close);
        }
        local.disconnectSockets(opts, close);
    }

    @Override
    public void serverSideEmit(SocketPacket packet) {
        bus.publish(
                requestChannel,
                Values.toJsonText(
                        json(
                                "uid",
                                uid,
                                "type",
                                (long) SERVER_SIDE_EMIT,
                                "data",
                                Values.fromJson(packet.data(), packet.attachments()))));
    }

    @Override
    public CompletionStage<List<Args>> serverSideEmitWithAck(SocketPacket packet) {
        return emitToOthers(
                "data",
                answers ->
                        request(
                                json(
                                        "uid",
                                        uid,
                                        "requestId",
                                        uid(),
                                        "type",
                                        (long) SERVER_SIDE_EMIT,
                                        "data",
                                        Values.fromJson(packet.data(), packet.attachments())),
                                answers,
                                "serverSideEmit"));
    }
}
