package io.jsocketio.admin.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The aggregated events of {@code server_stats} (Node's {@code EventBuffer}): counts per second,
 * type and sub-type ({@code rawConnection}, {@code rawDisconnection} with the close reason, {@code
 * packetsIn}, {@code packetsOut}, {@code bytesIn}, {@code bytesOut}), drained at each emission.
 *
 * <p>Thread-safety: safe for concurrent use; {@code lock} guards the map, held only for a lookup.
 */
public final class EventBuffer {
    private record Key(long second, String type, @Nullable String subType) {}

    private final Clock clock;
    private final Object lock = new Object();
    private Map<Key, long[]> counts = new LinkedHashMap<>(); // guarded by lock

    public EventBuffer(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Adds {@code count} to the type's counter of the current second. */
    public void push(String type, @Nullable String subType, long count) {
        long now = clock.millis();
        Key key = new Key(now - Math.floorMod(now, 1000L), type, subType);
        synchronized (lock) {
            counts.computeIfAbsent(key, k -> new long[1])[0] += count;
        }
    }

    /**
     * The counters as the UI reads them ({@code {timestamp, type, subType?, count}}), oldest first,
     * and a fresh start.
     */
    public List<Map<String, Object>> drain() {
        Map<Key, long[]> taken;
        synchronized (lock) {
            taken = counts;
            counts = new LinkedHashMap<>();
        }
        List<Map<String, Object>> out = new ArrayList<>(taken.size());
        taken.forEach(
                (k, c) -> {
                    Map<String, Object> e = new LinkedHashMap<>();
                    e.put("timestamp", k.second());
                    e.put("type", k.type());
                    if (k.subType() != null) {
                        e.put("subType", k.subType());
                    }
                    e.put("count", c[0]);
                    out.add(e);
                });
        return out;
    }
}
