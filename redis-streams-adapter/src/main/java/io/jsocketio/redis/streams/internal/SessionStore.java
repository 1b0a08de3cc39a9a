package io.jsocketio.redis.streams.internal;

import io.jsocketio.parser.SocketPacket;
import io.jsocketio.redis.internal.ClusterMessages;
import io.jsocketio.redis.internal.Msgpack;
import io.jsocketio.redis.internal.RedisBus;
import io.jsocketio.redis.internal.Requests;
import io.jsocketio.redis.internal.SocketDetails;
import io.jsocketio.redis.internal.Values;
import io.jsocketio.spi.BroadcastOptions;
import io.jsocketio.spi.Session;
import io.jsocketio.spi.SessionToPersist;
import io.jsocketio.spi.Sessions;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.SetArgs;
import io.lettuce.core.StreamMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Sessions of dropped sockets kept in Redis for connection state recovery, as the Node adapter
 * keeps them: {@code SET <prefix><pid> base64(msgpack({sid, pid, rooms, data})) PX <max
 * disconnection duration>}, taken back once with {@code GETDEL}; the missed packets are the
 * namespace's broadcasts in the stream after the client's offset (a stream entry id, checked with
 * {@code XRANGE offset offset}), filtered by the session's rooms.
 *
 * <p>Thread-safety: stateless apart from its settings; safe for concurrent use.
 */
final class SessionStore {
    private static final System.Logger LOG = System.getLogger(SessionStore.class.getName());
    private static final Pattern OFFSET = Pattern.compile("[0-9]+-[0-9]+");
    private static final int MAX_XRANGE_CALLS = 100;
    private static final int XRANGE_COUNT = 1000;

    private final RedisBus bus;
    private final byte[] stream;
    private final String keyPrefix;
    private final String nsp;

    SessionStore(RedisBus bus, String stream, String keyPrefix, String nsp) {
        this.bus = bus;
        this.stream = stream.getBytes(StandardCharsets.UTF_8);
        this.keyPrefix = keyPrefix;
        this.nsp = nsp;
    }

    private byte[] key(String pid) {
        return (keyPrefix + pid).getBytes(StandardCharsets.UTF_8);
    }

    void persist(SessionToPersist session, Duration ttl) {
        Map<String, @Nullable Object> wire = new LinkedHashMap<>();
        wire.put("sid", session.sid());
        wire.put("pid", session.pid());
        wire.put("rooms", new ArrayList<>(session.rooms()));
        wire.put("data", SocketDetails.dataToWire(session.data()));
        byte[] value =
                Base64.getEncoder()
                        .encodeToString(Msgpack.encode(wire))
                        .getBytes(StandardCharsets.UTF_8);
        bus.commands()
                .set(key(session.pid()), value, SetArgs.Builder.px(ttl.toMillis()))
                .whenComplete(
                        (ok, error) -> {
                            if (error != null) {
                                LOG.log(
                                        System.Logger.Level.DEBUG,
                                        () -> "persisting session failed: " + error);
                            }
                        });
    }

    CompletionStage<Optional<Session>> restore(String pid, String offset) {
        if (!OFFSET.matcher(offset).matches()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        byte[] at = offset.getBytes(StandardCharsets.UTF_8);
        CompletableFuture<byte[]> raw = bus.commands().getdel(key(pid)).toCompletableFuture();
        CompletableFuture<List<StreamMessage<byte[], byte[]>>> known =
                bus.commands().xrange(stream, Range.create(offset, offset)).toCompletableFuture();
        return raw.thenCombine(known, (value, entries) -> decode(value, entries))
                .thenCompose(
                        found -> {
                            if (found == null) {
                                return CompletableFuture.completedFuture(Optional.empty());
                            }
                            List<SocketPacket> missed = new ArrayList<>();
                            return missed(found, offset, missed, 0)
                                    .thenApply(
                                            done ->
                                                    Optional.of(
                                                            new Session(
                                                                    found.sid(),
                                                                    found.pid(),
                                                                    found.rooms(),
                                                                    found.data(),
                                                                    missed)));
                        });
    }

    private static @Nullable SessionToPersist decode(
            byte @Nullable [] value, @Nullable List<StreamMessage<byte[], byte[]>> entries) {
        if (value == null || entries == null || entries.isEmpty()) {
            return null;
        }
        Object tree = Msgpack.decode(Base64.getDecoder().decode(value));
        if (!(tree instanceof Map<?, ?> map)
                || !(map.get("sid") instanceof String sid)
                || !(map.get("pid") instanceof String pid)) {
            return null;
        }
        Object data = map.get("data");
        return new SessionToPersist(
                sid,
                pid,
                Requests.strings(map.get("rooms")),
                data == null ? null : Values.toJson(data, null));
    }

    /** Reads the stream after {@code offset}, up to {@link #MAX_XRANGE_CALLS} pages. */
    private CompletionStage<Void> missed(
            SessionToPersist session, String offset, List<SocketPacket> out, int calls) {
        if (calls >= MAX_XRANGE_CALLS) {
            return CompletableFuture.completedFuture(null);
        }
        return bus.commands()
                .xrange(
                        stream,
                        Range.from(
                                Range.Boundary.including(nextOffset(offset)),
                                Range.Boundary.unbounded()),
                        Limit.from(XRANGE_COUNT))
                .thenCompose(
                        entries -> {
                            if (entries.isEmpty()) {
                                return CompletableFuture.completedFuture(null);
                            }
                            String last = offset;
                            for (StreamMessage<byte[], byte[]> entry : entries) {
                                collect(session, entry, out);
                                last = entry.getId();
                            }
                            return missed(session, last, out, calls + 1);
                        });
    }

    private void collect(
            SessionToPersist session, StreamMessage<byte[], byte[]> entry, List<SocketPacket> out) {
        Map<String, String> fields = ClusterMessage.fields(entry.getBody());
        if (!nsp.equals(fields.get("nsp"))
                || !String.valueOf(ClusterMessages.BROADCAST).equals(fields.get("type"))) {
            return;
        }
        try {
            ClusterMessage message = ClusterMessage.fromEntry(fields);
            SocketPacket packet = Values.packetFromWire(message.get("packet"), nsp);
            BroadcastOptions opts = Requests.optsFromWire(message.get("opts"));
            if (Sessions.isReplayable(packet, opts) && Sessions.includes(session.rooms(), opts)) {
                out.add(packet.withNamespace(nsp).withOffset(entry.getId()));
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, () -> "skipped entry " + entry.getId() + ": " + e);
        }
    }

    /** The id right after {@code offset} (exclusive ranges need Redis 6.2; this works before). */
    static String nextOffset(String offset) {
        int dash = offset.indexOf('-');
        return offset.substring(0, dash + 1) + (Long.parseLong(offset.substring(dash + 1)) + 1);
    }
}
