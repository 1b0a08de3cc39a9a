package io.jsocketio.redis.internal;

import static io.jsocketio.redis.internal.Requests.ALL_ROOMS;
import static io.jsocketio.redis.internal.Requests.BROADCAST;
import static io.jsocketio.redis.internal.Requests.BROADCAST_ACK;
import static io.jsocketio.redis.internal.Requests.BROADCAST_CLIENT_COUNT;
import static io.jsocketio.redis.internal.Requests.REMOTE_DISCONNECT;
import static io.jsocketio.redis.internal.Requests.REMOTE_FETCH;
import static io.jsocketio.redis.internal.Requests.REMOTE_JOIN;
import static io.jsocketio.redis.internal.Requests.REMOTE_LEAVE;
import static io.jsocketio.redis.internal.Requests.SERVER_SIDE_EMIT;
import static io.jsocketio.redis.internal.Requests.SOCKETS;
import static io.jsocketio.redis.internal.Requests.json;
import static io.jsocketio.redis.internal.Requests.optsFromWire;
import static io.jsocketio.redis.internal.Requests.strings;

import io.jsocketio.spi.Adapter;
import io.jsocketio.spi.AdapterContext;
import io.jsocketio.spi.BroadcastOptions;
import io.jsocketio.spi.LocalSocket;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Answers the requests other servers (and the emitter) publish on a namespace's request channel, as
 * the Node adapter 8.x does: socket ids and rooms, remote join/leave/disconnect, fetchSockets,
 * server-side events and broadcasts with acknowledgements. Requests this server sent are ignored
 * (it applied them locally when it sent them).
 *
 * <p>Thread-safety: stateless apart from its collaborators, which are thread-safe.
 */
final class RequestHandler {
    private static final System.Logger LOG = System.getLogger(RequestHandler.class.getName());

    private final AdapterContext context;
    private final Adapter local;
    private final RedisBus bus;
    private final String uid;
    private final String responseChannel;
    private final boolean specificResponseChannel;
    private final Predicate<String> ownAckRequest;

    RequestHandler(
            AdapterContext context,
            Adapter local,
            RedisBus bus,
            String uid,
            String responseChannel,
            boolean specificResponseChannel,
            Predicate<String> ownAckRequest) {
        this.context = context;
        this.local = local;
        this.bus = bus;
        this.uid = uid;
        this.responseChannel = responseChannel;
        this.specificResponseChannel = specificResponseChannel;
        this.ownAckRequest = ownAckRequest;
    }

    /** Answers or applies one request read from the request channel. */
    void handle(Map<String, @Nullable Object> request) {
        Object requestId = request.get("requestId");
        boolean mine = uid.equals(request.get("uid"));
        int type = request.get("type") instanceof Number n ? n.intValue() : -1;
        switch (type) {
            case SOCKETS -> {
                if (mine || requestId == null) {
                    return;
                }
                local.sockets(strings(request.get("rooms")))
                        .thenAccept(
                                ids ->
                                        respond(
                                                request,
                                                json(
                                                        "requestId",
                                                        requestId,
                                                        "sockets",
                                                        new ArrayList<>(ids))));
            }
            case ALL_ROOMS -> {
                if (mine || requestId == null) {
                    return;
                }
                respond(
                        request,
                        json(
                                "requestId",
                                requestId,
                                "rooms",
                                new ArrayList<>(local.rooms().keySet())));
            }
            case REMOTE_JOIN, REMOTE_LEAVE, REMOTE_DISCONNECT ->
                    onRemoteRoomRequest(type, request, mine);
            case REMOTE_FETCH -> {
                if (mine || requestId == null) {
                    return;
                }
                local.fetchSockets(optsFromWire(request.get("opts")))
                        .thenAccept(
                                sockets ->
                                        respond(
                                                request,
                                                json(
                                                        "requestId",
                                                        requestId,
                                                        "sockets",
                                                        RemoteCalls.socketsToWire(sockets))));
            }
            case SERVER_SIDE_EMIT -> {
                if (mine) {
                    return;
                }
                onServerSideEmit(request, requestId);
            }
            case BROADCAST -> {
                if (mine || requestId == null || ownAckRequest.test(requestId.toString())) {
                    return;
                }
                onBroadcastRequest(request, requestId);
            }
            default ->
                    LOG.log(System.Logger.Level.DEBUG, () -> "ignored a request of type " + type);
        }
    }

    private void onRemoteRoomRequest(
            int type, Map<String, @Nullable Object> request, boolean mine) {
        if (mine) {
            return; // applied locally when it was sent
        }
        Object sid = request.get("sid");
        if (request.get("opts") != null || sid == null) {
            BroadcastOptions opts = optsFromWire(request.get("opts"));
            switch (type) {
                case REMOTE_JOIN -> local.addSockets(opts, strings(request.get("rooms")));
                case REMOTE_LEAVE -> local.delSockets(opts, strings(request.get("rooms")));
                default -> local.disconnectSockets(opts, Boolean.TRUE.equals(request.get("close")));
            }
            return;
        }
        // the 7.x form, one socket by id: answered
        Optional<LocalSocket> socket = context.socket(sid.toString());
        if (socket.isEmpty()) {
            return;
        }
        Object room = request.get("room");
        switch (type) {
            case REMOTE_JOIN -> socket.get().socket().join(String.valueOf(room));
            case REMOTE_LEAVE -> socket.get().socket().leave(String.valueOf(room));
            default -> socket.get().socket().disconnect(Boolean.TRUE.equals(request.get("close")));
        }
        respond(request, json("requestId", request.get("requestId")));
    }

    private void onServerSideEmit(
            Map<String, @Nullable Object> request, @Nullable Object requestId) {
        RemoteCalls.serverSideEmit(
                context,
                request.get("data"),
                requestId == null
                        ? null
                        : first ->
                                // the Node adapter always answers server-side emits on the
                                // common channel
                                bus.publish(
                                        responseChannel,
                                        Values.toJsonText(
                                                json(
                                                        "type",
                                                        (long) SERVER_SIDE_EMIT,
                                                        "requestId",
                                                        requestId,
                                                        "data",
                                                        first))));
    }

    private void onBroadcastRequest(Map<String, @Nullable Object> request, Object requestId) {
        RemoteCalls.broadcastWithAck(
                context,
                local,
                request.get("packet"),
                optsFromWire(request.get("opts")),
                count ->
                        respond(
                                request,
                                Values.toJsonText(
                                        json(
                                                "type",
                                                (long) BROADCAST_CLIENT_COUNT,
                                                "requestId",
                                                requestId,
                                                "clientCount",
                                                (long) count))),
                first ->
                        respond(
                                request,
                                Msgpack.encode(
                                        json(
                                                "type",
                                                (long) BROADCAST_ACK,
                                                "requestId",
                                                requestId,
                                                "packet",
                                                first))));
    }

    private void respond(
            Map<String, @Nullable Object> request, Map<String, @Nullable Object> body) {
        respond(request, Values.toJsonText(body));
    }

    private void respond(Map<String, @Nullable Object> request, byte[] body) {
        String target =
                specificResponseChannel && request.get("uid") != null
                        ? responseChannel + request.get("uid") + "#"
                        : responseChannel;
        bus.publish(target, body);
    }
}
