package io.jsocketio.redis.internal;

import io.jsocketio.spi.BroadcastFlags;
import io.jsocketio.spi.BroadcastOptions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The vocabulary of {@code @socket.io/redis-adapter} 8.x requests: the numeric types, the {@code
 * {rooms, except, flags}} options and the random ids.
 *
 * <p>Thread-safety: stateless.
 */
public final class Requests {
    static final int SOCKETS = 0;
    static final int ALL_ROOMS = 1;
    static final int REMOTE_JOIN = 2;
    static final int REMOTE_LEAVE = 3;
    static final int REMOTE_DISCONNECT = 4;
    static final int REMOTE_FETCH = 5;
    static final int SERVER_SIDE_EMIT = 6;
    static final int BROADCAST = 7;
    static final int BROADCAST_CLIENT_COUNT = 8;
    static final int BROADCAST_ACK = 9;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private Requests() {}

    /** A random id of six letters and digits, as npm {@code uid2(6)} makes. */
    public static String uid() {
        StringBuilder sb = new StringBuilder(6);
        for (int i = 0; i < 6; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    /** Node's broadcast flags object: {@code {volatile?, compress, timeout? (ms)}}. */
    public static Map<String, @Nullable Object> flagsToWire(BroadcastFlags flags) {
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        if (flags.isVolatile()) {
            out.put("volatile", true);
        }
        out.put("compress", flags.compress());
        if (flags.timeout() != null) {
            out.put("timeout", flags.timeout().toMillis());
        }
        return out;
    }

    /** {@code {rooms, except[, flags]}}. */
    public static Map<String, @Nullable Object> optsToWire(BroadcastOptions opts, boolean flags) {
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        out.put("rooms", new ArrayList<>(opts.rooms()));
        out.put("except", new ArrayList<>(opts.except()));
        if (flags) {
            out.put("flags", flagsToWire(opts.flags()));
        }
        return out;
    }

    /** Options read from a request or broadcast; absent parts select every socket. */
    public static BroadcastOptions optsFromWire(@Nullable Object wire) {
        if (!(wire instanceof Map<?, ?> map)) {
            return BroadcastOptions.all();
        }
        BroadcastFlags flags = BroadcastFlags.NONE;
        if (map.get("flags") instanceof Map<?, ?> f) {
            if (Boolean.TRUE.equals(f.get("volatile"))) {
                flags = flags.withVolatile();
            }
            if (Boolean.FALSE.equals(f.get("compress"))) {
                flags = flags.withCompress(false);
            }
            if (f.get("timeout") instanceof Number t && t.longValue() > 0) {
                flags = flags.withTimeout(Duration.ofMillis(t.longValue()));
            }
        }
        return new BroadcastOptions(strings(map.get("rooms")), strings(map.get("except")), flags);
    }

    /** Room names from a list (Node allows numbers as rooms: written without a fraction). */
    public static Set<String> strings(@Nullable Object value) {
        Set<String> out = new LinkedHashSet<>();
        if (value instanceof Collection<?> c) {
            for (Object o : c) {
                if (o instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
                    out.add(Long.toString(n.longValue()));
                } else if (o != null) {
                    out.add(o.toString());
                }
            }
        }
        return out;
    }

    /** An ordered map from alternating keys and values. */
    public static Map<String, @Nullable Object> json(@Nullable Object... keyValues) {
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            out.put(String.valueOf(keyValues[i]), keyValues[i + 1]);
        }
        return out;
    }
}
