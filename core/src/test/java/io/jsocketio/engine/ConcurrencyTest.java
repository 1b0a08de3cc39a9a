package io.jsocketio.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsocketio.engine.testing.EngineHarness;
import io.jsocketio.engine.testing.FakeEngineRequest;
import io.jsocketio.engine.testing.FakePollingExchange;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Many application threads sending at once while the client polls, or while WebSocket sends
 * complete on another thread: every message arrives once, each sender's messages in order, and a
 * WebSocket never has two sends in flight.
 */
class ConcurrencyTest {
    private static final int SENDERS = 4;
    private static final int PER_SENDER = 500;

    private static List<Thread> startSenders(EngineSocket socket, CountDownLatch go) {
        List<Thread> threads = new ArrayList<>();
        for (int s = 0; s < SENDERS; s++) {
            int sender = s;
            Thread t =
                    new Thread(
                            () -> {
                                try {
                                    go.await();
                                } catch (InterruptedException e) {
                                    return;
                                }
                                for (int i = 0; i < PER_SENDER; i++) {
                                    socket.send(EngineMessage.text(sender + ":" + i));
                                }
                            });
            t.start();
            threads.add(t);
        }
        return threads;
    }

    private static void assertComplete(List<String> received) {
        assertThat(received).hasSize(SENDERS * PER_SENDER);
        for (int s = 0; s < SENDERS; s++) {
            String prefix = s + ":";
            List<Integer> mine =
                    received.stream()
                            .filter(m -> m.startsWith(prefix))
                            .map(m -> Integer.parseInt(m.substring(prefix.length())))
                            .toList();
            assertThat(mine).hasSize(PER_SENDER).isSorted();
        }
    }

    @Test
    void concurrentSendersOverPollingLoseDuplicateAndReorderNothing() throws Exception {
        try (EngineHarness h = EngineHarness.create()) {
            String sid = h.handshake();
            EngineSocket socket = h.engine.client(sid).orElseThrow();
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> senders = startSenders(socket, go);
            go.countDown();
            List<String> received = new ArrayList<>();
            while (received.size() < SENDERS * PER_SENDER) {
                FakePollingExchange get =
                        FakePollingExchange.of(
                                FakeEngineRequest.get(h.url("EIO=4&transport=polling&sid=" + sid)));
                h.engine.handleRequest(get);
                String body = get.await(Duration.ofSeconds(10)).text();
                for (String packet : body.split("\u001e")) {
                    assertThat(packet).startsWith("4");
                    received.add(packet.substring(1));
                }
            }
            for (Thread t : senders) {
                t.join();
            }
            assertComplete(received);
        }
    }

    @Test
    void concurrentSendersOverAnAsynchronousWebSocketKeepOneSendInFlight() throws Exception {
        ExecutorService io = Executors.newSingleThreadExecutor();
        try (EngineHarness h = EngineHarness.create()) {
            AsyncPeer peer = new AsyncPeer(h.url("EIO=4&transport=websocket"), io);
            h.engine.handleWebSocket(peer);
            EngineSocket socket = h.connections.get(0);
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> senders = startSenders(socket, go);
            go.countDown();
            for (Thread t : senders) {
                t.join();
            }
            assertThat(peer.allSent.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(peer.overlaps.get()).isZero();
            List<String> received = new ArrayList<>(peer.frames.subList(1, peer.frames.size()));
            assertComplete(received.stream().map(f -> f.substring(1)).toList());
        } finally {
            io.shutdownNow();
        }
    }

    /** A peer whose sends complete later on another thread, like a container's async remote. */
    private static final class AsyncPeer implements WebSocketPeer {
        final List<String> frames = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger overlaps = new AtomicInteger();
        final CountDownLatch allSent = new CountDownLatch(1 + SENDERS * PER_SENDER);
        private final EngineRequest request;
        private final ExecutorService io;

        AsyncPeer(String url, ExecutorService io) {
            this.request = FakeEngineRequest.get(url);
            this.io = io;
        }

        @Override
        public EngineRequest request() {
            return request;
        }

        @Override
        public void send(List<WebSocketFrame> batch, Consumer<Throwable> done) {
            if (inFlight.incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
            for (WebSocketFrame f : batch) {
                frames.add(f.text());
            }
            io.execute(
                    () -> {
                        inFlight.decrementAndGet();
                        for (int i = 0; i < batch.size(); i++) {
                            allSent.countDown();
                        }
                        done.accept(null);
                    });
        }

        @Override
        public void close(int code, String reason) {}
    }
}
