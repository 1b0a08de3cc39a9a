package io.jsocketio.engine.internal;

import io.jsocketio.engine.EngineSocket.PacketListener;
import io.jsocketio.engine.EngineSocket.UpgradeListener;
import io.jsocketio.engine.parser.Packet;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The optional listeners of one session's connection events ({@code packet}, {@code packetCreate},
 * {@code upgrade}, {@code drain}): registered rarely, checked on every packet. Each kind is a
 * volatile immutable list; with nobody listening a notification is one volatile read and an
 * emptiness check. Listeners run on the session's lane, handed over with {@link Executor#execute}
 * (which only queues, so notifying under the session's lock is safe); one that throws is logged at
 * WARNING and the others still run.
 *
 * <p>Thread-safety: safe for concurrent use.
 */
final class ConnectionEvents {
    private static final System.Logger LOG = System.getLogger(ConnectionEvents.class.getName());

    private final String id;
    private final Executor lane;
    private volatile List<PacketListener> packet = List.of();
    private volatile List<PacketListener> packetCreate = List.of();
    private volatile List<UpgradeListener> upgrade = List.of();
    private volatile List<Runnable> drain = List.of();

    ConnectionEvents(String id, Executor lane) {
        this.id = id;
        this.lane = lane;
    }

    synchronized void addPacket(PacketListener l) {
        packet = plus(packet, l);
    }

    synchronized void addPacketCreate(PacketListener l) {
        packetCreate = plus(packetCreate, l);
    }

    synchronized void addUpgrade(UpgradeListener l) {
        upgrade = plus(upgrade, l);
    }

    synchronized void addDrain(Runnable l) {
        drain = plus(drain, l);
    }

    /** A packet was received. */
    void packet(Packet p) {
        List<PacketListener> ls = packet;
        if (!ls.isEmpty()) {
            fire("packet", ls, l -> l.onPacket(p));
        }
    }

    /** A packet was queued for the client. */
    void packetCreate(Packet p) {
        List<PacketListener> ls = packetCreate;
        if (!ls.isEmpty()) {
            fire("packetCreate", ls, l -> l.onPacket(p));
        }
    }

    /** Several packets were queued for the client, in this order (copied only when listened to). */
    void packetsCreated(Collection<Packet> ps) {
        List<PacketListener> ls = packetCreate;
        if (!ls.isEmpty()) {
            for (Packet p : List.copyOf(ps)) {
                fire("packetCreate", ls, l -> l.onPacket(p));
            }
        }
    }

    /** The session moved to {@code transport}. */
    void upgrade(String transport) {
        List<UpgradeListener> ls = upgrade;
        if (!ls.isEmpty()) {
            fire("upgrade", ls, l -> l.onUpgrade(transport));
        }
    }

    /** Queued packets were handed to the transport. */
    void drain() {
        List<Runnable> ls = drain;
        if (!ls.isEmpty()) {
            fire("drain", ls, Runnable::run);
        }
    }

    private <L> void fire(String event, List<L> listeners, Consumer<L> call) {
        lane.execute(
                () -> {
                    for (L l : listeners) {
                        try {
                            call.accept(l);
                        } catch (RuntimeException e) {
                            LOG.log(Level.WARNING, () -> id + ": " + event + " listener failed", e);
                        }
                    }
                });
    }

    private static <T> List<T> plus(List<T> list, T item) {
        List<T> copy = new ArrayList<>(list.size() + 1);
        copy.addAll(list);
        copy.add(java.util.Objects.requireNonNull(item, "listener"));
        return List.copyOf(copy);
    }
}
