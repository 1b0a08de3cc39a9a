package io.jsocketio.it;

import static io.jsocketio.it.NodeSio.args;
import static org.assertj.core.api.Assertions.assertThat;

import io.jsocketio.Socket;
import io.jsocketio.engine.Scheduler;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Connection state recovery with the official npm socket.io-client 4.8.x over polling, WebSocket
 * and the upgrade: a client in a room loses its connection (the server closes it, or the client
 * closes its transport), 100 events are broadcast to the room meanwhile, and the client reconnects
 * by itself: the same id, {@code recovered} on both sides, the 100 events exactly once and in order
 * before anything newer, its rooms intact. An expired session gives a new one.
 */
class RecoveryIT extends WithNodeClients {
    private static final int MISSED = 100;

    /** A duration no test waits for: the sessions expire when {@link #expireSessions} says so. */
    private static final Duration MAX = Duration.ofHours(1);

    private final BlockingQueue<Socket> sockets = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> disconnects = new LinkedBlockingQueue<>();
    private final HeldScheduler scheduler = new HeldScheduler();

    /** How a test cuts the connection. */
    enum Drop {
        /** The server closes the Engine.IO connection. */
        SERVER,
        /** The client closes its transport. */
        CLIENT
    }

    @AfterEach
    void stopScheduler() {
        if (server != null) {
            server.close();
            server = null;
        }
        scheduler.close();
    }

    private void startServer() {
        server = It.server(b -> b.connectionStateRecovery(MAX, true).scheduler(scheduler));
        server.onConnection(
                socket -> {
                    socket.on("join", (a, ack) -> socket.join(a.getString(0)).thenRun(ack::send));
                    socket.on("drop", (a, ack) -> socket.conn().close());
                    // while the client is away, the room gets the events it will miss
                    socket.onDisconnect(
                            (reason, description) -> {
                                disconnects.add(reason.toString());
                                if (!socket.recovered()) {
                                    for (int i = 0; i < MISSED; i++) {
                                        server.to("r").emit("n", i);
                                    }
                                }
                            });
                    sockets.add(socket);
                });
    }

    private void drop(String id, Drop how) {
        if (how == Drop.SERVER) {
            clients.emit(id, "drop", args());
        } else {
            clients.closeTransport(id);
        }
        clients.disconnected(id);
    }

    @ParameterizedTest
    @EnumSource(Transports.class)
    void aServerDropIsRecovered(Transports transports) throws Exception {
        recovers(transports, Drop.SERVER);
    }

    @ParameterizedTest
    @EnumSource(Transports.class)
    void aClientTransportCloseIsRecovered(Transports transports) throws Exception {
        recovers(transports, Drop.CLIENT);
    }

    private void recovers(Transports transports, Drop how) throws Exception {
        startServer();
        String id = NodeSio.id("recover-" + transports + "-" + how);
        JsonObject first = clients.connectReconnecting(id, It.url(server), transports, 100);
        assertThat(first.getBoolean("recovered")).isFalse();
        Socket before = It.take(sockets);
        clients.emitWithAck(id, "join", args("r"), null);
        server.to("r").emit("hello"); // the client's first offset
        assertThat(clients.event(id, "hello").getJsonArray("args")).hasSize(1);

        drop(id, how);
        JsonObject again = clients.connected(id);

        assertThat(again.getBoolean("recovered")).isTrue();
        assertThat(again.getString("socketId")).isEqualTo(first.getString("socketId"));
        Socket after = It.take(sockets);
        assertThat(after.recovered()).isTrue();
        assertThat(after.id()).isEqualTo(before.id());
        assertThat(after.rooms()).containsExactlyInAnyOrder(after.id(), "r");
        server.to("r").emit("newer");
        for (int i = 0; i < MISSED; i++) {
            JsonObject event = clients.event(id);
            assertThat(event.getString("name")).isEqualTo("n");
            assertThat(event.getJsonArray("args").getInt(0)).isEqualTo(i);
        }
        assertThat(clients.event(id).getString("name")).isEqualTo("newer");
        clients.disconnect(id);
    }

    @Test
    void anExpiredSessionGivesANewOne() throws Exception {
        startServer();
        String id = NodeSio.id("expired");
        JsonObject first =
                clients.connectReconnecting(id, It.url(server), Transports.WEBSOCKET, 2000);
        It.take(sockets);
        clients.emitWithAck(id, "join", args("r"), null);
        server.to("r").emit("hello");
        clients.event(id, "hello");

        clients.emit(id, "drop", args());
        clients.disconnected(id);
        It.take(disconnects);
        scheduler.expireSessions();
        JsonObject again = clients.connected(id);

        assertThat(again.getBoolean("recovered")).isFalse();
        assertThat(again.getString("socketId")).isNotEqualTo(first.getString("socketId"));
        Socket fresh = It.take(sockets);
        assertThat(fresh.recovered()).isFalse();
        assertThat(fresh.rooms()).containsExactly(fresh.id());
        clients.disconnect(id);
    }

    /**
     * A real scheduler, except that the tasks due after {@link #MAX} (session expiry, log sweeps)
     * wait until the test runs them.
     */
    private static final class HeldScheduler implements Scheduler {
        private final ScheduledExecutorService executor =
                Executors.newSingleThreadScheduledExecutor();
        private final List<Runnable> held = new ArrayList<>();

        @Override
        public Cancellable schedule(Duration delay, Runnable task) {
            if (delay.equals(MAX)) {
                synchronized (held) {
                    held.add(task);
                }
                return () -> {
                    synchronized (held) {
                        held.remove(task);
                    }
                };
            }
            var future = executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
            return () -> future.cancel(false);
        }

        /** Runs the held tasks. */
        void expireSessions() {
            List<Runnable> due;
            synchronized (held) {
                due = new ArrayList<>(held);
                held.clear();
            }
            due.forEach(Runnable::run);
        }

        @Override
        public void close() {
            executor.shutdownNow();
        }
    }
}
