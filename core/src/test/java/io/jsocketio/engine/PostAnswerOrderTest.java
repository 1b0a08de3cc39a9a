package io.jsocketio.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsocketio.engine.testing.EngineHarness;
import io.jsocketio.engine.testing.FakePollingExchange;
import io.jsocketio.engine.testing.ManualScheduler;
import java.util.ArrayDeque;
import java.util.Queue;
import org.junit.jupiter.api.Test;

/** A POST is answered once the message listeners have run, so their replies reach the next GET. */
class PostAnswerOrderTest {

    @Test
    void thePostIsAnsweredAfterTheListenersAndTheNextGetCarriesAllTheirReplies() {
        Queue<Runnable> lanes = new ArrayDeque<>();
        EngineServer engine =
                EngineServer.create(
                        EngineOptions.builder()
                                .inlineDispatch(false) // the executor's path
                                .scheduler(new ManualScheduler())
                                .executor(lanes::add)
                                .build());
        try {
            engine.onConnection(s -> s.onMessage(s::send));
            FakePollingExchange hs = FakePollingExchange.get("/engine.io/?EIO=4&transport=polling");
            engine.handleRequest(hs);
            String sid = EngineHarness.sidOf(hs.body());
            runAll(lanes);

            String url = "/engine.io/?EIO=4&transport=polling&sid=" + sid;
            FakePollingExchange post =
                    FakePollingExchange.post(url, "4test1\u001e4test2\u001e4test3");
            engine.handleRequest(post);
            assertThat(post.responded()).isFalse();

            runAll(lanes);
            assertThat(post.body()).isEqualTo("ok");

            FakePollingExchange get = FakePollingExchange.get(url);
            engine.handleRequest(get);
            assertThat(get.body()).isEqualTo("4test1\u001e4test2\u001e4test3");
        } finally {
            engine.close();
        }
    }

    @Test
    void withAnIdleLaneThePostIsAnsweredOnceTheListenersRanOnTheRequestThread() {
        Queue<Runnable> handedOff = new ArrayDeque<>();
        EngineServer engine =
                EngineServer.create(
                        EngineOptions.builder()
                                .scheduler(new ManualScheduler())
                                .executor(handedOff::add)
                                .build());
        try {
            engine.onConnection(s -> s.onMessage(s::send));
            FakePollingExchange hs = FakePollingExchange.get("/engine.io/?EIO=4&transport=polling");
            engine.handleRequest(hs);
            String url =
                    "/engine.io/?EIO=4&transport=polling&sid=" + EngineHarness.sidOf(hs.body());

            FakePollingExchange post = FakePollingExchange.post(url, "4a\u001e4b");
            engine.handleRequest(post);
            assertThat(post.body()).isEqualTo("ok");

            FakePollingExchange get = FakePollingExchange.get(url);
            engine.handleRequest(get);
            assertThat(get.body()).isEqualTo("4a\u001e4b");
            assertThat(handedOff).isEmpty();
        } finally {
            engine.close();
        }
    }

    private static void runAll(Queue<Runnable> tasks) {
        Runnable t;
        while ((t = tasks.poll()) != null) {
            t.run();
        }
    }
}
