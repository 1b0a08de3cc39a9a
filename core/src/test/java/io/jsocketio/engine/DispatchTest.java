package io.jsocketio.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.jsocketio.engine.testing.FakeWebSocketPeer;
import io.jsocketio.engine.testing.ManualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How inbound messages reach the listeners (inline on the delivering thread when the session's lane
 * is idle, queued with a bound and back-pressure when it is busy, dropped when the client is gone)
 * and how outbound packets reach the peer (one batch in flight, everything queued meanwhile in the
 * next batch, a cap on what a client that does not read can make the server hold).
 */
class DispatchTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ExecutorService lanes = Executors.newCachedThreadPool();
    private final ManualScheduler scheduler = new ManualScheduler();
    private EngineServer engine;

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.close();
        }
        lanes.shutdownNow();
    }

    private EngineSocket open(FakeWebSocketPeer peer, UnaryOperator<EngineOptions.Builder> opts)
            throws InterruptedException {
        List<EngineSocket> connections = Collections.synchronizedList(new ArrayList<>());
        engine =
                EngineServer.create(
                        opts.apply(EngineOptions.builder())
                                .executor(lanes)
                                .scheduler(scheduler)
                                .build());
        engine.onConnection(connections::add);
        peer.open(engine);
        await().atMost(WAIT).until(() -> !connections.isEmpty());
        peer.awaitFrames(1, WAIT); // the open packet
        return connections.get(0);
    }

    private static FakeWebSocketPeer peer() {
        return FakeWebSocketPeer.to("/engine.io/?EIO=4&transport=websocket");
    }

    @Test
    void anIdleSessionRunsItsListenerOnTheThreadThatDeliveredTheFrame() throws Exception {
        FakeWebSocketPeer peer = peer();
        EngineSocket socket = open(peer, b -> b);
        List<Thread> threads = Collections.synchronizedList(new ArrayList<>());
        socket.onMessage(m -> threads.add(Thread.currentThread()));

        peer.receive("4a");
        peer.receive("4b");

        assertThat(threads).containsExactly(Thread.currentThread(), Thread.currentThread());
    }

    @Test
    void withoutInlineDispatchListenersRunOnTheExecutor() throws Exception {
        FakeWebSocketPeer peer = peer();
        EngineSocket socket = open(peer, b -> b.inlineDispatch(false));
        CompletableFuture<Thread> thread = new CompletableFuture<>();
        socket.onMessage(m -> thread.complete(Thread.currentThread()));

        peer.receive("4a");

        assertThat(thread.get(10, TimeUnit.SECONDS)).isNotSameAs(Thread.currentThread());
    }

    @Test
    void aSenderIsHeldWhileTooManyOfItsMessagesWaitAndAllRunInOrder() throws Exception {
        FakeWebSocketPeer peer = peer();
        EngineSocket socket = open(peer, b -> b.maxQueuedInbound(4));
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch firstRunning = new CountDownLatch(1);
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        socket.onMessage(
                m -> {
                    seen.add(m.text());
                    if (m.text().equals("0")) {
                        firstRunning.countDown();
                        awaitQuietly(release);
                    }
                });
        // the first message runs inline on this thread and blocks the lane
        Thread first = new Thread(() -> peer.receive("40"));
        first.start();
        assertThat(firstRunning.await(10, TimeUnit.SECONDS)).isTrue();
        // the container thread of the same connection delivers more while the lane is busy
        Thread sender =
                new Thread(
                        () -> {
                            for (int i = 1; i <= 20; i++) {
                                peer.receive("4" + i);
                            }
                        });
        sender.start();

        // held after the 5th waiting message: not all 20 handed over
        await().atMost(WAIT).until(() -> sender.getState() == Thread.State.WAITING);
        assertThat(seen).containsExactly("0");

        release.countDown();
        sender.join(10_000);
        first.join(10_000);
        await().atMost(WAIT).until(() -> seen.size() == 21);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i <= 20; i++) {
            expected.add(String.valueOf(i));
        }
        assertThat(seen).containsExactlyElementsOf(expected);
    }

    @Test
    void messagesStillWaitingWhenTheClientIsGoneNeverRun() throws Exception {
        FakeWebSocketPeer peer = peer();
        EngineSocket socket = open(peer, b -> b);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch firstRunning = new CountDownLatch(1);
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<String> closed = new CompletableFuture<>();
        socket.onMessage(
                m -> {
                    seen.add(m.text());
                    firstRunning.countDown();
                    awaitQuietly(release);
                });
        socket.onClose((reason, description) -> closed.complete(reason.wire()));
        Thread first = new Thread(() -> peer.receive("4first"));
        first.start();
        assertThat(firstRunning.await(10, TimeUnit.SECONDS)).isTrue();
        peer.receive("4queued-1");
        peer.receive("4queued-2");

        peer.clientClose(1006);
        release.countDown();

        assertThat(closed.get(10, TimeUnit.SECONDS)).isEqualTo("transport close");
        first.join(10_000);
        assertThat(seen).containsExactly("first");
    }

    @Test
    void whatIsQueuedWhileABatchIsInFlightGoesOutAsTheNextBatch() throws Exception {
        FakeWebSocketPeer peer = peer();
        EngineSocket socket = open(peer, b -> b);
        peer.holdSends();

        socket.send(EngineMessage.text("a"));
        socket.send(EngineMessage.text("b"));
        socket.send(EngineMessage.text("c"));
        socket.send(List.of(EngineMessage.text("d"), EngineMessage.binary(new byte[] {1})));
        int before = peer.batches();
        assertThat(peer.frames()).extracting(Object::toString).last().isEqualTo("4a");

        assertThat(peer.completeSend()).isTrue();

        assertThat(peer.batches()).isEqualTo(before + 1);
        assertThat(peer.texts()).endsWith("4a", "4b", "4c", "4d", "bin:[1]");
        assertThat(peer.overlappingSends()).isZero();
    }

    @Test
    void aClientThatDoesNotReadIsClosedOnceItsQueueIsOverTheCap() throws Exception {
        FakeWebSocketPeer peer = peer();
        EngineSocket socket = open(peer, b -> b.maxBufferedOutbound(1000));
        CompletableFuture<String> closed = new CompletableFuture<>();
        socket.onClose(
                (reason, description) -> closed.complete(reason.wire() + ": " + description));
        peer.holdSends();
        socket.send(EngineMessage.text("in flight"));

        for (int i = 0; i < 9; i++) {
            socket.send(EngineMessage.text("x".repeat(100)));
        }
        assertThat(socket.isOpen()).isTrue();
        socket.send(EngineMessage.text("x".repeat(101)));

        assertThat(closed.get(10, TimeUnit.SECONDS)).isEqualTo("transport error: send buffer full");
        assertThat(peer.closeCode()).isEqualTo(1011);
        assertThat(engine.clientsCount()).isZero();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
