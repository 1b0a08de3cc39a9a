package io.jsocketio.engine.internal;

import io.jsocketio.engine.EngineMessage;
import io.jsocketio.engine.parser.Packet;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The packets of one session waiting for its transport, with the payload bytes they hold (text
 * counted in characters, binary in bytes): a session whose client does not read cannot hold more
 * than the cap.
 *
 * <p>Thread-safety: not thread-safe; guarded by the session's lock.
 */
final class OutboundBuffer {
    private final ArrayDeque<Packet> packets = new ArrayDeque<>(8);
    private final long cap;
    private long bytes;

    private final ConnectionEvents events;

    OutboundBuffer(long cap, ConnectionEvents events) {
        this.cap = cap;
        this.events = events;
    }

    /**
     * Queues {@code packet}; false (and nothing queued) when it would take the buffer over its cap.
     */
    boolean offer(Packet packet) {
        long size = sizeOf(packet);
        if (bytes + size > cap && !packets.isEmpty()) {
            return false;
        }
        packets.add(packet);
        bytes += size;
        events.packetCreate(packet);
        return true;
    }

    /** Queues {@code all} or nothing; false when they would take the buffer over its cap. */
    boolean offerAll(Collection<Packet> all) {
        long size = 0;
        for (Packet p : all) {
            size += sizeOf(p);
        }
        if (bytes + size > cap && !packets.isEmpty()) {
            return false;
        }
        packets.addAll(all);
        bytes += size;
        events.packetsCreated(all);
        return true;
    }

    boolean isEmpty() {
        return packets.isEmpty();
    }

    /** Moves every packet to {@code into}, in order. */
    void drainTo(List<Packet> into) {
        if (!packets.isEmpty()) {
            into.addAll(packets);
            clear();
            events.drain();
        }
    }

    /** Every packet, taken out. */
    List<Packet> drain() {
        List<Packet> out = new ArrayList<>(packets);
        if (!out.isEmpty()) {
            clear();
            events.drain();
        }
        return out;
    }

    void clear() {
        packets.clear();
        bytes = 0;
    }

    private static long sizeOf(Packet p) {
        EngineMessage m = p.data();
        if (m == null) {
            return 1;
        }
        return m.isBinary() ? m.binary().length : m.text().length();
    }
}
