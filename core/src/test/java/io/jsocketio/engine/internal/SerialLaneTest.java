package io.jsocketio.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SerialLaneTest {

    @Test
    void tasksRunInSubmissionOrderOneAtATimeOnAPool() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            SerialLane lane = new SerialLane(pool, "t");
            List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger running = new AtomicInteger();
            AtomicInteger maxRunning = new AtomicInteger();
            CountDownLatch done = new CountDownLatch(1000);
            Thread[] submitters = new Thread[4];
            for (int t = 0; t < 4; t++) {
                int base = t * 250;
                submitters[t] =
                        new Thread(
                                () -> {
                                    for (int i = 0; i < 250; i++) {
                                        int n = base + i;
                                        lane.execute(
                                                () -> {
                                                    maxRunning.accumulateAndGet(
                                                            running.incrementAndGet(), Math::max);
                                                    seen.add(n);
                                                    running.decrementAndGet();
                                                    done.countDown();
                                                });
                                    }
                                });
                submitters[t].start();
            }
            for (Thread t : submitters) {
                t.join();
            }
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(maxRunning.get()).isEqualTo(1);
            assertThat(seen).hasSize(1000);
            for (int t = 0; t < 4; t++) {
                int base = t * 250;
                List<Integer> mine =
                        seen.stream().filter(n -> n >= base && n < base + 250).toList();
                assertThat(mine).isSorted();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aThrowingTaskDoesNotStopTheLane() {
        SerialLane lane = new SerialLane(Runnable::run, "t");
        List<String> seen = new ArrayList<>();
        lane.execute(() -> seen.add("a"));
        lane.execute(
                () -> {
                    throw new IllegalStateException("boom");
                });
        lane.execute(() -> seen.add("b"));
        assertThat(seen).containsExactly("a", "b");
    }

    @Test
    void aTaskSubmittedFromATaskRunsAfterItNotInsideIt() {
        SerialLane lane = new SerialLane(Runnable::run, "t");
        List<String> seen = new ArrayList<>();
        lane.execute(
                () -> {
                    seen.add("outer-start");
                    lane.execute(() -> seen.add("inner"));
                    seen.add("outer-end");
                });
        assertThat(seen).containsExactly("outer-start", "outer-end", "inner");
    }

    @Test
    void aLongQueueHandsItsThreadBackBetweenBatches() {
        ArrayDeque<Runnable> submitted = new ArrayDeque<>();
        SerialLane lane = new SerialLane(submitted::add, "t");
        AtomicInteger ran = new AtomicInteger();
        for (int i = 0; i < 100; i++) {
            lane.execute(ran::incrementAndGet);
        }
        assertThat(submitted).hasSize(1);
        submitted.poll().run();
        assertThat(ran.get()).isEqualTo(64);
        assertThat(submitted).hasSize(1);
        submitted.poll().run();
        assertThat(ran.get()).isEqualTo(100);
        assertThat(submitted).isEmpty();
    }
}
