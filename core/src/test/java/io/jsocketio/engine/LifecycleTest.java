package io.jsocketio.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsocketio.engine.testing.EngineHarness;
import io.jsocketio.engine.testing.FakePollingExchange;
import io.jsocketio.engine.testing.FakeWebSocketPeer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Closing sessions and the engine, listener failures, and where listeners run. */
class LifecycleTest {

    private static List<CloseReason> closes(EngineSocket socket) {
        List<CloseReason> reasons = Collections.synchronizedList(new ArrayList<>());
        socket.onClose((reason, description) -> reasons.add(reason));
        return reasons;
    }

    @Test
    void closingASessionWithAParkedPollFlushesThenSendsTheClosePacket() {
        try (EngineHarness h = EngineHarness.create()) {
            String sid = h.handshake();
            EngineSocket socket = h.engine.client(sid).orElseThrow();
            List<CloseReason> reasons = closes(socket);
            FakePollingExchange parked = h.poll(sid);

            socket.close();
            socket.close();

            assertThat(parked.body()).isEqualTo("1");
            assertThat(reasons).containsExactly(CloseReason.FORCED_CLOSE);
            assertThat(socket.isOpen()).isFalse();
            assertThat(h.poll(sid).status()).isEqualTo(400);
            assertThat(h.scheduler.pendingCount()).isZero();
        }
    }

    @Test
    void closingASessionWithoutPollWaitsForTheNextPollToDeliverQueuedPacketsAndClose() {
        try (EngineHarness h = EngineHarness.create()) {
            String sid = h.handshake();
            EngineSocket socket = h.engine.client(sid).orElseThrow();
            List<CloseReason> reasons = closes(socket);
            socket.send(EngineMessage.text("bye"));

            socket.close();
            socket.send(EngineMessage.text("dropped"));
            assertThat(reasons).isEmpty();
            assertThat(socket.isOpen()).isFalse();

            assertThat(h.poll(sid).body()).isEqualTo("4bye");
            assertThat(reasons).isEmpty();
            assertThat(h.poll(sid).body()).isEqualTo("1");
            assertThat(reasons).containsExactly(CloseReason.FORCED_CLOSE);
        }
    }

    @Test
    void aClosingSessionThatIsNeverPolledAgainEndsAfterTheCloseTimeout() {
        try (EngineHarness h =
                EngineHarness.create(
                        b ->
                                b.pingInterval(Duration.ofMillis(300))
                                        .pingTimeout(Duration.ofMillis(200)))) {
            String sid = h.handshake();
            EngineSocket socket = h.engine.client(sid).orElseThrow();
            List<CloseReason> reasons = closes(socket);
            socket.close();
            h.advanceMillis(499);
            assertThat(reasons).isEmpty();
            h.advanceMillis(1);
            assertThat(reasons).containsExactly(CloseReason.FORCED_CLOSE);
            assertThat(h.engine.clientsCount()).isZero();
            assertThat(h.scheduler.pendingCount()).isZero();
        }
    }

    @Test
    void closingAWebSocketSessionSendsWhatIsQueuedThenClosesTheWebSocket() {
        try (EngineHarness h = EngineHarness.create()) {
            FakeWebSocketPeer ws =
                    FakeWebSocketPeer.to(h.url("EIO=4&transport=websocket"))
                            .holdSends()
                            .open(h.engine);
            EngineSocket socket = h.connections.get(0);
            List<CloseReason> reasons = closes(socket);
            socket.send(EngineMessage.text("last"));

            socket.close();
            assertThat(ws.isClosed()).isFalse();
            while (ws.completeSend()) {
                // drain
            }

            assertThat(ws.texts()).hasSize(2).last().isEqualTo("4last");
            assertThat(ws.isClosed()).isTrue();
            assertThat(ws.closeCode()).isEqualTo(1000);
            assertThat(reasons).containsExactly(CloseReason.FORCED_CLOSE);
        }
    }

    @Test
    void closingTheEngineClosesEverySessionAndRefusesNewWork() {
        try (EngineHarness h = EngineHarness.create()) {
            String polled = h.handshake();
            List<CloseReason> pollingReasons = closes(h.engine.client(polled).orElseThrow());
            FakePollingExchange parked = h.poll(polled);
            FakeWebSocketPeer ws = h.webSocket("EIO=4&transport=websocket");
            List<CloseReason> wsReasons = closes(h.connections.get(1));
            h.handshake(); // idle, no poll

            h.engine.close();
            h.engine.close();

            assertThat(parked.body()).isEqualTo("1");
            assertThat(ws.closeCode()).isEqualTo(1001);
            assertThat(pollingReasons).containsExactly(CloseReason.SERVER_SHUTTING_DOWN);
            assertThat(wsReasons).containsExactly(CloseReason.SERVER_SHUTTING_DOWN);
            assertThat(h.engine.clientsCount()).isZero();
            assertThat(h.scheduler.pendingCount()).isZero();
            assertThat(h.scheduler.isClosed())
                    .as("a given scheduler belongs to its owner")
                    .isFalse();

            FakePollingExchange late =
                    h.handle(FakePollingExchange.get(h.url("EIO=4&transport=polling")));
            assertThat(late.status()).isEqualTo(503);
            assertThat(h.webSocket("EIO=4&transport=websocket").isClosed()).isTrue();
        }
    }

    @Test
    void aThrowingListenerIsLoggedAndTheSessionSurvives() {
        try (EngineHarness h = EngineHarness.create()) {
            List<String> seen = new ArrayList<>();
            h.engine.onConnection(
                    s -> {
                        throw new IllegalStateException("connection listener bug");
                    });
            h.engine.onConnection(
                    s ->
                            s.onMessage(
                                    m -> {
                                        if (m.text().equals("bad")) {
                                            throw new IllegalStateException("message listener bug");
                                        }
                                        seen.add(m.text());
                                    }));
            String sid = h.handshake();
            h.post(sid, "4bad\u001e4good");
            h.post(sid, "4more");
            assertThat(seen).containsExactly("good", "more");
            assertThat(h.engine.client(sid).orElseThrow().isOpen()).isTrue();
        }
    }

    @Test
    void closeListenersRunOnceEvenWhenRegisteredLate() {
        try (EngineHarness h = EngineHarness.create()) {
            String sid = h.handshake();
            EngineSocket socket = h.engine.client(sid).orElseThrow();
            List<CloseReason> early = closes(socket);
            h.poll(sid).abort();
            h.poll(sid);
            socket.close();
            List<CloseReason> late = closes(socket);
            assertThat(early).containsExactly(CloseReason.TRANSPORT_ERROR);
            assertThat(late).containsExactly(CloseReason.TRANSPORT_ERROR);
        }
    }

    @Test
    void messagesThatArrivedBeforeTheCloseAreDeliveredEvenIfTheLaneRunsLate() {
        java.util.ArrayDeque<Runnable> laneWork = new java.util.ArrayDeque<>();
        try (EngineHarness clock = EngineHarness.create();
                EngineServer engine =
                        EngineServer.create(
                                EngineOptions.builder()
                                        .inlineDispatch(false) // the executor's path
                                        .executor(laneWork::add)
                                        .scheduler(clock.scheduler)
                                        .build())) {
            List<String> events = new ArrayList<>();
            engine.onConnection(
                    s -> {
                        s.onMessage(m -> events.add(m.text()));
                        s.onClose((r, d) -> events.add("close:" + r.wire()));
                    });
            FakePollingExchange hs = FakePollingExchange.get("/engine.io/?EIO=4&transport=polling");
            engine.handleRequest(hs);
            String sid = EngineHarness.sidOf(hs.body());
            laneWork.poll().run(); // the connection listener registers its listeners
            String url = "/engine.io/?EIO=4&transport=polling&sid=" + sid;
            engine.handleRequest(FakePollingExchange.post(url, "4a\u001e4b"));
            engine.handleRequest(FakePollingExchange.post(url, "1"));
            assertThat(events).isEmpty(); // nothing ran on the container thread

            while (!laneWork.isEmpty()) {
                laneWork.poll().run();
            }

            assertThat(events).containsExactly("a", "b", "close:transport close");
        }
    }

    @Test
    void listenersRunOnTheLaneInOrderAndTheCloseListenerLast() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4, r -> new Thread(r, "test-lane"));
        try (EngineHarness clock = EngineHarness.create();
                EngineServer engine =
                        EngineServer.create(
                                EngineOptions.builder()
                                        .inlineDispatch(false) // the executor's path
                                        .executor(pool)
                                        .scheduler(clock.scheduler)
                                        .build())) {
            List<String> events = Collections.synchronizedList(new ArrayList<>());
            CountDownLatch closed = new CountDownLatch(1);
            CompletableFuture<String> connectionThread = new CompletableFuture<>();
            engine.onConnection(
                    s -> {
                        connectionThread.complete(Thread.currentThread().getName());
                        s.onMessage(
                                m -> events.add(Thread.currentThread().getName() + ":" + m.text()));
                        s.onClose(
                                (r, d) -> {
                                    events.add("close:" + r.wire());
                                    closed.countDown();
                                });
                    });
            FakePollingExchange hs = FakePollingExchange.get("/engine.io/?EIO=4&transport=polling");
            engine.handleRequest(hs);
            String sid = EngineHarness.sidOf(hs.body());
            StringBuilder payload = new StringBuilder();
            for (int i = 0; i < 200; i++) {
                payload.append(i == 0 ? "" : "\u001e").append("4m").append(i);
            }
            engine.handleRequest(
                    FakePollingExchange.post(
                            "/engine.io/?EIO=4&transport=polling&sid=" + sid, payload.toString()));
            engine.handleRequest(
                    FakePollingExchange.post(
                            "/engine.io/?EIO=4&transport=polling&sid=" + sid, "1"));

            assertThat(closed.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(connectionThread.get(10, TimeUnit.SECONDS)).isEqualTo("test-lane");
            assertThat(events).hasSize(201);
            for (int i = 0; i < 200; i++) {
                assertThat(events.get(i)).isEqualTo("test-lane:m" + i);
            }
            assertThat(events.get(200)).isEqualTo("close:transport close");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theDefaultEngineOwnsAndStopsItsScheduler() throws Exception {
        java.util.Set<Thread> before = schedulerThreads();
        EngineServer engine = EngineServer.create(EngineOptions.defaults());
        CompletableFuture<CloseReason> reason = new CompletableFuture<>();
        engine.onConnection(s -> s.onClose((r, d) -> reason.complete(r)));
        FakePollingExchange hs = FakePollingExchange.get("/engine.io/?EIO=4&transport=polling");
        engine.handleRequest(hs); // schedules the first ping, which starts the scheduler thread
        assertThat(hs.status()).isEqualTo(200);
        java.util.Set<Thread> mine = schedulerThreads();
        mine.removeAll(before);
        assertThat(mine).hasSize(1);

        engine.close();

        assertThat(reason.get(10, TimeUnit.SECONDS)).isEqualTo(CloseReason.SERVER_SHUTTING_DOWN);
        Thread thread = mine.iterator().next();
        thread.join(10_000);
        assertThat(thread.isAlive()).isFalse();
    }

    private static java.util.Set<Thread> schedulerThreads() {
        java.util.Set<Thread> threads = new java.util.HashSet<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals("jsocketio-engine-scheduler")) {
                threads.add(t);
            }
        }
        return threads;
    }
}
