package io.jsocketio.redis.internal;

import io.jsocketio.RemoteSocket;
import io.jsocketio.parser.SocketPacket;
import io.jsocketio.parser.SocketPacketType;
import io.jsocketio.spi.Adapter;
import io.jsocketio.spi.AdapterContext;
import io.jsocketio.spi.BroadcastOptions;
import jakarta.json.JsonArray;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.jspecify.annotations.Nullable;

/**
 * What a server does locally for a call another server made through Redis, whatever the wire form
 * of the call (the pub/sub adapter's requests or the cluster-adapter messages of the sharded and
 * streams ones): a broadcast with acknowledgements, a server-side event, a {@code fetchSockets}
 * answer.
 *
 * <p>Thread-safety: stateless.
 */
public final class RemoteCalls {
    private RemoteCalls() {}

    /**
     * Broadcasts a packet another server sent with acks to this server's selected sockets.
     *
     * @param wirePacket the packet as it crossed Redis ({@code {type, data, nsp}})
     * @param clientCount called once with the number of sockets written to
     * @param ack called with the first argument of each client acknowledgement
     */
    public static void broadcastWithAck(
            AdapterContext context,
            Adapter local,
            @Nullable Object wirePacket,
            BroadcastOptions opts,
            IntConsumer clientCount,
            Consumer<@Nullable Object> ack) {
        SocketPacket wire = Values.packetFromWire(wirePacket, context.name());
        if (!wire.namespace().equals(context.name())) {
            return;
        }
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
                clientCount,
                args -> {
                    List<Object> values = args.toList();
                    ack.accept(values.isEmpty() ? null : values.get(0));
                });
        Duration timeout = opts.flags().timeout();
        if (timeout != null) {
            context.scheduler().schedule(timeout, () -> local.removeAcks(ackId, opts));
        }
    }

    /**
     * Delivers a server-side event another server sent.
     *
     * @param data {@code [event, ...args]} as it crossed Redis
     * @param reply receives the first argument of the first acknowledgement, or null when the
     *     sender wants none
     */
    public static void serverSideEmit(
            AdapterContext context,
            @Nullable Object data,
            @Nullable Consumer<@Nullable Object> reply) {
        if (!(data instanceof List<?> list) || list.isEmpty()) {
            return;
        }
        List<byte[]> attachments = new ArrayList<>();
        JsonValue json = Values.toJson(list, attachments);
        SocketPacket packet =
                new SocketPacket(SocketPacketType.EVENT, context.name(), null, json, attachments);
        if (reply == null) {
            context.onServerSideEmit(packet, null);
            return;
        }
        context.onServerSideEmit(
                packet,
                answer -> {
                    Object first = null;
                    if (answer.data() instanceof JsonArray array && !array.isEmpty()) {
                        first = Values.fromJson(array.get(0), answer.attachments());
                    }
                    reply.accept(first);
                });
    }

    /** This server's sockets as a {@code fetchSockets} answer lists them. */
    public static List<Object> socketsToWire(List<RemoteSocket> sockets) {
        List<Object> out = new ArrayList<>();
        for (RemoteSocket s : sockets) {
            out.add(SocketDetails.toWire(s));
        }
        return out;
    }
}
