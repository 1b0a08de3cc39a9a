package io.jsocketio.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsocketio.Server;
import io.jsocketio.ServerOptions;
import io.jsocketio.spi.Adapter;
import io.jsocketio.spi.BroadcastOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The room index of the in-memory adapter, used directly. */
class InMemoryAdapterTest {
    private final Server io = new Server(ServerOptions.builder().executor(Runnable::run).build());
    private final Adapter adapter = io.sockets().adapter();

    @AfterEach
    void close() {
        io.close();
    }

    private void assertConsistent() {
        Map<String, Set<String>> rooms = adapter.rooms();
        rooms.forEach(
                (room, ids) -> {
                    assertThat(ids).isNotEmpty();
                    ids.forEach(
                            id -> assertThat(adapter.socketRooms(id).orElseThrow()).contains(room));
                });
        for (Set<String> ids : rooms.values()) {
            for (String id : ids) {
                for (String room : adapter.socketRooms(id).orElseThrow()) {
                    assertThat(rooms.get(room)).contains(id);
                }
            }
        }
    }

    @Test
    void isTheDefaultAdapter() {
        assertThat(adapter).isInstanceOf(InMemoryAdapter.class);
    }

    @Test
    void keepsBothSidesInAgreementUnderConcurrentJoinsAndLeaves() throws Exception {
        int threads = 4;
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(threads);
        List<Throwable> failures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int n = t;
            Thread thread =
                    new Thread(
                            () -> {
                                try {
                                    start.await();
                                    for (int i = 0; i < 2000; i++) {
                                        String id = "s" + (i % 50);
                                        String room = "r" + ((i + n) % 7);
                                        if ((i + n) % 3 == 0) {
                                            adapter.del(id, room);
                                        } else {
                                            adapter.addAll(
                                                    id,
                                                    new java.util.LinkedHashSet<>(
                                                            List.of(room, "r" + n)));
                                        }
                                        if (i % 97 == 0) {
                                            adapter.delAll(id);
                                        }
                                    }
                                } catch (Throwable e) {
                                    synchronized (failures) {
                                        failures.add(e);
                                    }
                                } finally {
                                    done.countDown();
                                }
                            });
            thread.start();
        }

        start.countDown();

        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(failures).isEmpty();
        assertConsistent();
    }

    @Test
    void deletesARoomWithItsLastMember() {
        adapter.addAll("a", Set.of("x"));
        adapter.addAll("b", Set.of("x"));
        adapter.del("a", "x");

        assertThat(adapter.rooms()).containsOnlyKeys("x");
        adapter.delAll("b");
        assertThat(adapter.rooms()).isEmpty();
        assertThat(adapter.socketRooms("b")).isEmpty();
    }

    @Test
    void selectsOnlyConnectedSocketsOfTheNamespace() throws Exception {
        adapter.addAll("not-a-socket", Set.of("x"));

        assertThat(adapter.sockets(Set.of("x")).toCompletableFuture().get()).isEmpty();
        assertThat(adapter.fetchSockets(BroadcastOptions.all()).toCompletableFuture().get())
                .isEmpty();
    }
}
