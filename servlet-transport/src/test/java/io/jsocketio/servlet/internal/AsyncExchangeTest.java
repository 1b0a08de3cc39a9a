package io.jsocketio.servlet.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.jsocketio.engine.PollingExchange;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class AsyncExchangeTest {
    private final FakeServlet servlet = new FakeServlet();
    private final RequestSnapshot snapshot =
            RequestSnapshot.of(
                    "POST",
                    "/engine.io/",
                    "EIO=4&transport=polling&sid=s",
                    Map.of(),
                    new InetSocketAddress(0),
                    false);
    private final List<String> events = new ArrayList<>();

    private AsyncExchange start() {
        return AsyncExchange.start(servlet.request, servlet.response, snapshot);
    }

    private PollingExchange.BodyCallback recorder() {
        return new PollingExchange.BodyCallback() {
            @Override
            public void onBody(byte[] body) {
                events.add("body " + new String(body, UTF_8));
            }

            @Override
            public void onTooLarge() {
                events.add("too large");
            }

            @Override
            public void onError(Throwable error) {
                events.add("error " + error.getMessage());
            }
        };
    }

    @Test
    void startsAsyncWithoutAContainerTimeoutAndListens() {
        AsyncExchange exchange = start();

        assertThat(servlet.timeout).isZero();
        assertThat(servlet.listeners).containsExactly(exchange);
        assertThat(exchange.request()).isSameAs(snapshot);
    }

    @Test
    void writesTheAnswerThroughTheWriteListenerThenCompletes() {
        AsyncExchange exchange = start();

        exchange.respond(200, Map.of("Content-Type", "text/plain"), "ok".getBytes(UTF_8));

        assertThat(servlet.status).isEqualTo(200);
        assertThat(servlet.headers).containsEntry("Content-Type", "text/plain");
        assertThat(servlet.contentLengthSet).isEqualTo(2);
        assertThat(servlet.output.written.toString(UTF_8)).isEqualTo("ok");
        assertThat(servlet.completions).isEqualTo(1);
    }

    @Test
    void completesOnlyOnceASlowWriteIsOut() throws IOException {
        servlet.output.readyAfterWrite = false;
        AsyncExchange exchange = start();

        exchange.respond(200, Map.of(), "4hello".getBytes(UTF_8));
        assertThat(servlet.output.written.toString(UTF_8)).isEqualTo("4hello");
        assertThat(servlet.completions).as("still flushing").isZero();

        servlet.output.ready = true;
        servlet.output.listener.onWritePossible();
        assertThat(servlet.completions).isEqualTo(1);
        assertThat(servlet.output.written.toString(UTF_8)).isEqualTo("4hello");
    }

    @Test
    void waitsForTheFirstWritePossibleWhenTheOutputIsNotReady() throws IOException {
        servlet.output.ready = false;
        AsyncExchange exchange = start();

        exchange.respond(200, Map.of(), "6".getBytes(UTF_8));
        assertThat(servlet.output.written.size()).isZero();

        servlet.output.ready = true;
        servlet.output.listener.onWritePossible();
        assertThat(servlet.output.written.toString(UTF_8)).isEqualTo("6");
        assertThat(servlet.completions).isEqualTo(1);
    }

    @Test
    void answersOnlyOnce() {
        AsyncExchange exchange = start();

        exchange.respond(200, Map.of(), "1".getBytes(UTF_8));
        exchange.respond(400, Map.of(), "2".getBytes(UTF_8));

        assertThat(servlet.status).isEqualTo(200);
        assertThat(servlet.output.written.toString(UTF_8)).isEqualTo("1");
    }

    @Test
    void reportsAnAsyncErrorAsAnAbortOnceAndCompletes() throws IOException {
        AsyncExchange exchange = start();
        exchange.onAbort(() -> events.add("abort"));

        servlet.fireError(new IOException("reset"));
        servlet.fireComplete();

        assertThat(events).containsExactly("abort");
        assertThat(servlet.completions).isEqualTo(1);
    }

    @Test
    void reportsAContainerTimeoutAsAnAbort() throws IOException {
        AsyncExchange exchange = start();
        exchange.onAbort(() -> events.add("abort"));

        servlet.fireTimeout();

        assertThat(events).containsExactly("abort");
        assertThat(servlet.completions).isEqualTo(1);
    }

    @Test
    void reportsACompletionByTheContainerBeforeTheAnswerAsAnAbort() throws IOException {
        AsyncExchange exchange = start();
        exchange.onAbort(() -> events.add("abort"));

        servlet.fireComplete();

        assertThat(events).containsExactly("abort");
    }

    @Test
    void doesNotReportAnAbortAfterTheAnswer() throws IOException {
        AsyncExchange exchange = start();
        exchange.onAbort(() -> events.add("abort"));

        exchange.respond(200, Map.of(), new byte[0]);
        servlet.fireError(new IOException("late reset"));
        servlet.fireComplete();

        assertThat(events).isEmpty();
    }

    @Test
    void runsAnAbortActionRegisteredAfterTheAbortAtOnceAndIgnoresTheLateAnswer()
            throws IOException {
        AsyncExchange exchange = start();
        servlet.fireError(new TimeoutException("idle"));

        exchange.onAbort(() -> events.add("abort"));
        exchange.respond(200, Map.of(), "late".getBytes(UTF_8));

        assertThat(events).containsExactly("abort");
        assertThat(servlet.status).isZero();
        assertThat(servlet.output.written.size()).isZero();
    }

    @Test
    void readsABodyArrivingInChunks() throws IOException {
        AsyncExchange exchange = start();

        exchange.readBody(100, recorder());
        servlet.input.arrive("4hel".getBytes(UTF_8));
        servlet.input.arrive("lo".getBytes(UTF_8));
        assertThat(events).isEmpty();
        servlet.input.end();

        assertThat(events).containsExactly("body 4hello");
    }

    @Test
    void readsABodyOfExactlyTheLimit() throws IOException {
        servlet.contentLength = 6;
        AsyncExchange exchange = start();

        exchange.readBody(6, recorder());
        servlet.input.arrive("4hello".getBytes(UTF_8));
        servlet.input.end();

        assertThat(events).containsExactly("body 4hello");
    }

    @Test
    void stopsReadingAsSoonAsTheLimitIsPassed() throws IOException {
        AsyncExchange exchange = start();

        exchange.readBody(5, recorder());
        servlet.input.chunks.add("abc".getBytes(UTF_8));
        servlet.input.chunks.add("def".getBytes(UTF_8));
        servlet.input.chunks.add("ghi".getBytes(UTF_8));
        servlet.input.listener.onDataAvailable();
        int readsAtRefusal = servlet.input.reads;
        servlet.input.end();

        assertThat(events).containsExactly("too large");
        assertThat(readsAtRefusal).as("the third chunk is never read").isEqualTo(2);
        assertThat(servlet.input.chunks).hasSize(1);
    }

    @Test
    void refusesADeclaredLengthOverTheLimitWithoutOpeningTheBody() {
        servlet.contentLength = 1_000_000_000L;
        AsyncExchange exchange = start();

        exchange.readBody(1000, recorder());

        assertThat(events).containsExactly("too large");
        assertThat(servlet.inputOpened).isFalse();
    }

    @Test
    void aSlowBodyHoldsRoomOnlyForTheBytesThatArrivedNotItsDeclaredLength() throws IOException {
        servlet.contentLength = 1_000_000;
        AsyncExchange exchange = start();

        exchange.readBody(1_000_000, recorder());
        servlet.input.arrive("4".getBytes(UTF_8));
        servlet.input.arrive("h".getBytes(UTF_8));
        servlet.input.arrive("i".getBytes(UTF_8));

        assertThat(exchange.bodyBufferCapacity()).isBetween(3, 6);
    }

    @Test
    void aBodyReadAbandonedWhenItsSessionEndedAnswers400AndClosesTheConnection()
            throws IOException {
        servlet.contentLength = 1_000_000;
        AsyncExchange exchange = start();
        exchange.readBody(1_000_000, recorder());
        servlet.input.arrive("4".getBytes(UTF_8));

        exchange.abandonBody();
        servlet.input.arrive("more".getBytes(UTF_8));
        servlet.input.listener.onError(new IOException("closed"));

        assertThat(servlet.status).isEqualTo(400);
        assertThat(servlet.headers).containsEntry("Connection", "close");
        assertThat(events).isEmpty();
        assertThat(exchange.bodyBufferCapacity()).isZero();
    }

    @Test
    void reportsAReadErrorOnce() throws IOException {
        AsyncExchange exchange = start();

        exchange.readBody(100, recorder());
        servlet.input.listener.onError(new IOException("early EOF"));
        servlet.input.listener.onError(new IOException("again"));

        assertThat(events).containsExactly("error early EOF");
    }
}
