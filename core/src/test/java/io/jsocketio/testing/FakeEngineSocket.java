package io.jsocketio.testing;

import io.jsocketio.Server;
import io.jsocketio.engine.CloseReason;
import io.jsocketio.engine.EngineMessage;
import io.jsocketio.engine.EngineRequest;
import io.jsocketio.engine.EngineServer;
import io.jsocketio.engine.EngineSocket;
import io.jsocketio.engine.testing.FakeEngineRequest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * An Engine.IO session without transport: records what the layer above sends (each {@code send}
 * call as one list, so tests can check that a broadcast shares one list instance), lets the test
 * inject inbound messages and close the session from the client side. Its lane is a real serial
 * lane that runs on the submitting thread when idle (no thread of its own).
 *
 * <p>Thread-safety: safe for concurrent use; the recorded lists are synchronized.
 */
public final class FakeEngineSocket implements EngineSocket {
    private final String id;
    private final EngineRequest request;
    private final int protocol;
    private final TrampolineLane lane = new TrampolineLane();
    private final List<List<EngineMessage>> sends = new ArrayList<>(); // guarded by this
    private volatile @Nullable MessageListener messageListener;
    private volatile @Nullable CloseListener closeListener;
    private volatile boolean open = true;
    private volatile boolean writable = true;
    private volatile int closeCalls;
    private volatile @Nullable CloseReason closeReason;

    public FakeEngineSocket(String id, EngineRequest request, int protocol) {
        this.id = id;
        this.request = request;
        this.protocol = protocol;
    }

    public FakeEngineSocket(String id) {
        this(id, FakeEngineRequest.get("/socket.io/?EIO=4&transport=websocket"), 4);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public EngineRequest request() {
        return request;
    }

    @Override
    public int protocol() {
        return protocol;
    }

    @Override
    public String transport() {
        return "websocket";
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public boolean isWritable() {
        return open && writable;
    }

    /** Makes the transport busy (false) or ready (true) for volatile packets. */
    public void writable(boolean writable) {
        this.writable = writable;
    }

    @Override
    public Executor lane() {
        return lane;
    }

    @Override
    public void send(EngineMessage message) {
        send(List.of(message));
    }

    @Override
    public synchronized void send(List<EngineMessage> messages) {
        if (!open) {
            throw new AssertionError("send on a closed session: " + messages);
        }
        sends.add(messages);
    }

    @Override
    public void onMessage(MessageListener listener) {
        this.messageListener = listener;
    }

    @Override
    public void onClose(CloseListener listener) {
        this.closeListener = listener;
    }

    /**
     * Hands this session to {@code io} as a new client, on the lane, as its engine does for a real
     * session: {@code io} is bound to a {@link FakeEngineServer} on the first call (it must not be
     * attached to a real engine). Works through a CDI proxy of the server too.
     */
    public void handTo(Server io) {
        onLane(
                () -> {
                    EngineServer engine;
                    try {
                        engine = io.engine();
                    } catch (IllegalStateException notAttached) {
                        engine = new FakeEngineServer();
                        io.bind(engine);
                    }
                    if (!(engine instanceof FakeEngineServer fake)) {
                        throw new IllegalStateException("the server uses a real engine: " + engine);
                    }
                    fake.connect(this);
                });
    }

    @Override
    public void onPacket(PacketListener listener) {}

    @Override
    public void onPacketCreate(PacketListener listener) {}

    @Override
    public void onUpgrade(UpgradeListener listener) {}

    @Override
    public void onDrain(Runnable listener) {}

    @Override
    public void close() {
        closeCalls++;
        end(CloseReason.FORCED_CLOSE, null);
    }

    // ---- the test's side

    /** The client sends a text message (a Socket.IO packet without the Engine.IO {@code 4}). */
    public void receive(String text) {
        deliver(EngineMessage.text(text));
    }

    /** The client sends a binary message. */
    public void receive(byte[] data) {
        deliver(EngineMessage.binary(data));
    }

    private void deliver(EngineMessage message) {
        lane.execute(
                () -> {
                    MessageListener l = messageListener;
                    if (open && l != null) {
                        l.onMessage(message);
                    }
                });
    }

    /** The session ends from the client's or the transport's side. */
    public void end(CloseReason reason, @Nullable String description) {
        if (!open) {
            return;
        }
        open = false;
        closeReason = reason;
        lane.execute(
                () -> {
                    CloseListener l = closeListener;
                    if (l != null) {
                        l.onClose(reason, description);
                    }
                });
    }

    /** Runs {@code task} on the lane (as the engine runs its connection listener). */
    public void onLane(Runnable task) {
        lane.execute(task);
    }

    /** Every {@code send} call, in order, each as the list it was given. */
    public synchronized List<List<EngineMessage>> sends() {
        return List.copyOf(sends);
    }

    /** Every message sent, flattened. */
    public synchronized List<EngineMessage> messages() {
        List<EngineMessage> out = new ArrayList<>();
        sends.forEach(out::addAll);
        return out;
    }

    /** The text messages sent, in order. */
    public List<String> texts() {
        return messages().stream().filter(m -> !m.isBinary()).map(EngineMessage::text).toList();
    }

    /** The last text message sent. */
    public String lastText() {
        List<String> t = texts();
        if (t.isEmpty()) {
            throw new AssertionError("nothing sent");
        }
        return t.get(t.size() - 1);
    }

    /** Forgets what was sent so far. */
    public synchronized void clearSent() {
        sends.clear();
    }

    public int closeCalls() {
        return closeCalls;
    }

    public @Nullable CloseReason closeReason() {
        return closeReason;
    }

    /** A serial executor that runs its queue on the submitting thread when idle. */
    static final class TrampolineLane implements Executor {
        private final Queue<Runnable> queue = new ArrayDeque<>(); // guarded by this
        private boolean draining; // guarded by this

        @Override
        public void execute(Runnable task) {
            synchronized (this) {
                queue.add(task);
                if (draining) {
                    return;
                }
                draining = true;
            }
            while (true) {
                Runnable next;
                synchronized (this) {
                    next = queue.poll();
                    if (next == null) {
                        draining = false;
                        return;
                    }
                }
                next.run();
            }
        }
    }
}
