package io.jsocketio.internal;

import io.jsocketio.ConnectionStateRecovery;
import io.jsocketio.engine.Scheduler;
import io.jsocketio.parser.SocketPacket;
import io.jsocketio.spi.BroadcastOptions;
import io.jsocketio.spi.Session;
import io.jsocketio.spi.SessionToPersist;
import io.jsocketio.spi.Sessions;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The memory of a session-aware in-memory adapter (Node's {@code SessionAwareAdapter}): the
 * sessions of dropped sockets and the log of replayable packets, both bounded by {@code
 * maxDisconnectionDuration}.
 *
 * <p>A session expires exactly {@code maxDisconnectionDuration} after it was persisted (its own
 * timer). The log is swept in generations, one sweep every {@code maxDisconnectionDuration} while
 * it is not empty: a packet stays between one and two durations, never less (Node sweeps every
 * minute and keeps a packet at least the duration).
 *
 * <p>Thread-safety: safe for concurrent use; {@code lock} guards all state and is never held while
 * scheduling.
 */
final class SessionLog implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(SessionLog.class.getName());

    private final Duration maxDisconnectionDuration;
    private final Scheduler scheduler;

    private final Object lock = new Object();
    private final Map<String, Kept> sessions = new HashMap<>(); // guarded by lock
    private final ArrayDeque<Logged> packets = new ArrayDeque<>(); // guarded by lock
    private long nextOffset; // guarded by lock
    private long generation; // guarded by lock
    private Scheduler.@Nullable Cancellable sweep; // guarded by lock
    private boolean closed; // guarded by lock

    SessionLog(ConnectionStateRecovery recovery, Scheduler scheduler) {
        this.maxDisconnectionDuration = recovery.maxDisconnectionDuration();
        this.scheduler = scheduler;
    }

    private record Logged(
            String offset, long generation, SocketPacket packet, BroadcastOptions opts) {}

    private record Kept(SessionToPersist session, Scheduler.Cancellable expiry) {}

    /**
     * Logs a replayable packet under a new offset and returns it with the offset appended; any
     * other packet is returned as it is.
     */
    SocketPacket append(SocketPacket packet, BroadcastOptions opts) {
        if (!Sessions.isReplayable(packet, opts)) {
            return packet;
        }
        boolean startSweep;
        SocketPacket withOffset;
        synchronized (lock) {
            String offset = Long.toString(++nextOffset, 36);
            withOffset = packet.withOffset(offset);
            packets.addLast(new Logged(offset, generation, withOffset, opts));
            startSweep = sweep == null && !closed;
        }
        if (startSweep) {
            scheduleSweep();
        }
        return withOffset;
    }

    private void scheduleSweep() {
        Scheduler.Cancellable task = scheduler.schedule(maxDisconnectionDuration, this::sweep);
        synchronized (lock) {
            if (sweep == null && !closed) {
                sweep = task;
                return;
            }
        }
        task.cancel();
    }

    /** Drops the packets of the generation before the previous one. */
    private void sweep() {
        boolean again;
        synchronized (lock) {
            sweep = null;
            generation++;
            while (!packets.isEmpty() && packets.peekFirst().generation() < generation - 1) {
                packets.removeFirst();
            }
            again = !packets.isEmpty() && !closed;
        }
        if (again) {
            scheduleSweep();
        }
    }

    /** Keeps a session until it is restored or expires. */
    void persist(SessionToPersist session) {
        Scheduler.Cancellable expiry =
                scheduler.schedule(maxDisconnectionDuration, () -> expire(session));
        Kept previous;
        synchronized (lock) {
            if (closed) {
                expiry.cancel();
                return;
            }
            previous = sessions.put(session.pid(), new Kept(session, expiry));
        }
        if (previous != null) {
            previous.expiry().cancel();
        }
    }

    private void expire(SessionToPersist session) {
        synchronized (lock) {
            Kept kept = sessions.get(session.pid());
            if (kept != null && kept.session() == session) {
                sessions.remove(session.pid());
            }
        }
        LOG.log(System.Logger.Level.DEBUG, "session of socket {0} expired", session.sid());
    }

    /**
     * Takes session {@code pid} back with the packets logged after {@code offset} that were meant
     * for its rooms; empty when the session or the offset is unknown.
     */
    Optional<Session> restore(String pid, String offset) {
        Kept kept;
        List<SocketPacket> missed = new ArrayList<>();
        synchronized (lock) {
            kept = sessions.get(pid);
            if (kept == null) {
                return Optional.empty();
            }
            Iterator<Logged> it = packets.iterator();
            boolean found = false;
            while (it.hasNext()) {
                Logged logged = it.next();
                if (found) {
                    if (Sessions.includes(kept.session().rooms(), logged.opts())) {
                        missed.add(logged.packet());
                    }
                } else if (logged.offset().equals(offset)) {
                    found = true;
                }
            }
            if (!found) {
                LOG.log(System.Logger.Level.DEBUG, "offset {0} no longer known", offset);
                return Optional.empty();
            }
            sessions.remove(pid);
        }
        kept.expiry().cancel();
        SessionToPersist s = kept.session();
        return Optional.of(new Session(s.sid(), s.pid(), s.rooms(), s.data(), missed));
    }

    @Override
    public void close() {
        List<Scheduler.Cancellable> timers = new ArrayList<>();
        synchronized (lock) {
            closed = true;
            sessions.values().forEach(k -> timers.add(k.expiry()));
            sessions.clear();
            packets.clear();
            if (sweep != null) {
                timers.add(sweep);
                sweep = null;
            }
        }
        timers.forEach(Scheduler.Cancellable::cancel);
    }
}
