package io.jsocketio.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsocketio.engine.testing.EngineHarness;
import io.jsocketio.engine.testing.FakeEngineRequest;
import io.jsocketio.engine.testing.FakePollingExchange;
import io.jsocketio.engine.testing.FakeWebSocketPeer;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * CONFORMANCE.md section 2, the refusals: each bad request gets Node's status and exact JSON body,
 * and is reported to {@code connection_error}.
 */
class RequestVerificationTest {

    @ParameterizedTest(name = "{0} {1} -> {2} {3}")
    @CsvSource(
            delimiter = '|',
            value = {
                "GET | transport=polling | 400 | {\"code\":5,\"message\":\"Unsupported protocol version\"}",
                "GET | EIO=abc&transport=polling | 400 | {\"code\":5,\"message\":\"Unsupported protocol version\"}",
                "GET | EIO=3&transport=polling | 400 | {\"code\":5,\"message\":\"Unsupported protocol version\"}",
                "GET | EIO=5&transport=polling | 400 | {\"code\":5,\"message\":\"Unsupported protocol version\"}",
                "GET | EIO=4 | 400 | {\"code\":0,\"message\":\"Transport unknown\"}",
                "GET | EIO=4&transport=abc | 400 | {\"code\":0,\"message\":\"Transport unknown\"}",
                "GET | transport=abc | 400 | {\"code\":0,\"message\":\"Transport unknown\"}",
                "GET | EIO=4&transport=websocket | 400 | {\"code\":3,\"message\":\"Bad request\"}",
                "GET | EIO=4&transport=polling&sid=nope | 400 | {\"code\":1,\"message\":\"Session ID unknown\"}",
                "POST | EIO=4&transport=polling&sid=nope | 400 | {\"code\":1,\"message\":\"Session ID unknown\"}",
                "POST | EIO=4&transport=polling | 400 | {\"code\":2,\"message\":\"Bad handshake method\"}",
                "PUT | EIO=4&transport=polling | 400 | {\"code\":2,\"message\":\"Bad handshake method\"}",
                "OPTIONS | EIO=4&transport=polling | 400 | {\"code\":2,\"message\":\"Bad handshake method\"}",
            })
    void refusesBadRequestsWithNodesStatusAndBody(
            String method, String query, int status, String body) {
        try (EngineHarness h = EngineHarness.create()) {
            FakePollingExchange ex =
                    h.handle(FakePollingExchange.of(FakeEngineRequest.of(method, h.url(query))));

            assertThat(ex.status()).isEqualTo(status);
            assertThat(ex.body()).isEqualTo(body);
            assertThat(ex.response().header("Content-Type")).isEqualTo("application/json");
            assertThat(ex.respondCalls()).isEqualTo(1);
            assertThat(h.engine.clientsCount()).isZero();
            assertThat(h.errors).hasSize(1);
            ConnectionError error = h.errors.get(0);
            assertThat(body).contains("\"code\":" + error.code() + ",");
            assertThat(body).contains("\"message\":\"" + error.message() + "\"");
            assertThat(error.request().url()).isEqualTo(h.url(query));
        }
    }

    @Test
    void eio3IsAcceptedWithAllowEio3() {
        try (EngineHarness h = EngineHarness.create(b -> b.allowEIO3(true))) {
            FakePollingExchange ex =
                    h.handle(FakePollingExchange.get(h.url("EIO=3&transport=polling")));
            assertThat(ex.status()).isEqualTo(200);
            assertThat(ex.body()).matches("\\d+:0\\{\"sid\":.*");
        }
    }

    @Test
    void transportNotEnabledIsUnknown() {
        try (EngineHarness h =
                EngineHarness.create(b -> b.transports(Set.of(TransportType.WEBSOCKET)))) {
            FakePollingExchange ex =
                    h.handle(FakePollingExchange.get(h.url("EIO=4&transport=polling")));
            assertThat(ex.body()).isEqualTo("{\"code\":0,\"message\":\"Transport unknown\"}");
        }
    }

    @Test
    void closedSidIsUnknown() {
        try (EngineHarness h = EngineHarness.create()) {
            String sid = h.handshake();
            h.engine.client(sid).orElseThrow().close();
            h.poll(sid); // takes the close packet of the graceful close
            FakePollingExchange ex = h.poll(sid);
            assertThat(ex.status()).isEqualTo(400);
            assertThat(ex.body()).isEqualTo("{\"code\":1,\"message\":\"Session ID unknown\"}");
        }
    }

    @Test
    void pollingRequestForAWebSocketSessionIsABadRequest() {
        try (EngineHarness h = EngineHarness.create()) {
            FakeWebSocketPeer ws = h.webSocket("EIO=4&transport=websocket");
            String sid = EngineHarness.sidOf(ws.texts().get(0));
            FakePollingExchange ex = h.poll(sid);
            assertThat(ex.status()).isEqualTo(400);
            assertThat(ex.body()).isEqualTo("{\"code\":3,\"message\":\"Bad request\"}");
            assertThat(h.errors).extracting(ConnectionError::code).containsExactly(3);
            assertThat(ws.isClosed()).isFalse();
        }
    }

    @Test
    void allowRequestDenialAnswers403WithItsMessage() {
        try (EngineHarness h =
                EngineHarness.create(b -> b.allowRequest((req, v) -> v.deny("no thanks")))) {
            FakePollingExchange ex =
                    h.handle(FakePollingExchange.get(h.url("EIO=4&transport=polling")));
            assertThat(ex.status()).isEqualTo(403);
            assertThat(ex.body()).isEqualTo("{\"code\":4,\"message\":\"no thanks\"}");
            assertThat(ex.response().header("Content-Type")).isEqualTo("application/json");
            assertThat(h.errors)
                    .singleElement()
                    .satisfies(
                            e -> {
                                assertThat(e.error()).isEqualTo(EngineError.FORBIDDEN);
                                assertThat(e.message()).isEqualTo("no thanks");
                            });
        }
    }

    @Test
    void allowRequestDenialWithoutMessageSaysForbidden() {
        try (EngineHarness h =
                EngineHarness.create(b -> b.allowRequest((req, v) -> v.deny(null)))) {
            FakePollingExchange ex =
                    h.handle(FakePollingExchange.get(h.url("EIO=4&transport=polling")));
            assertThat(ex.status()).isEqualTo(403);
            assertThat(ex.body()).isEqualTo("{\"code\":4,\"message\":\"Forbidden\"}");
        }
    }

    @Test
    void allowRequestMayAnswerLaterAndOnlyItsFirstAnswerCounts() {
        AtomicReference<AllowRequest.Verdict> pending = new AtomicReference<>();
        try (EngineHarness h =
                EngineHarness.create(b -> b.allowRequest((req, v) -> pending.set(v)))) {
            FakePollingExchange ex =
                    h.handle(FakePollingExchange.get(h.url("EIO=4&transport=polling")));
            assertThat(ex.responded()).isFalse();

            pending.get().allow();
            pending.get().deny("too late");

            assertThat(ex.status()).isEqualTo(200);
            assertThat(ex.body()).startsWith("0{\"sid\":");
            assertThat(ex.respondCalls()).isEqualTo(1);
            assertThat(h.errors).isEmpty();
        }
    }

    @Test
    void allowRequestIsNotAskedForRequestsOfAnOpenSession() {
        int[] calls = {0};
        try (EngineHarness h =
                EngineHarness.echo(
                        b ->
                                b.allowRequest(
                                        (req, v) -> {
                                            calls[0]++;
                                            v.allow();
                                        }))) {
            String sid = h.handshake();
            h.post(sid, "4a");
            h.poll(sid);
            assertThat(calls[0]).isEqualTo(1);
        }
    }

    @Test
    void aThrowingAllowRequestRefusesWith403() {
        try (EngineHarness h =
                EngineHarness.create(
                        b ->
                                b.allowRequest(
                                        (req, v) -> {
                                            throw new IllegalStateException("bug");
                                        }))) {
            FakePollingExchange ex =
                    h.handle(FakePollingExchange.get(h.url("EIO=4&transport=polling")));
            assertThat(ex.status()).isEqualTo(403);
        }
    }

    @ParameterizedTest(name = "{0} -> code {1}")
    @CsvSource({
        "transport=websocket, 5",
        "EIO=abc&transport=websocket, 5",
        "EIO=4, 0",
        "EIO=4&transport=abc, 0",
        "EIO=4&transport=polling, 3",
        "EIO=4&transport=websocket&sid=nope, 1",
    })
    void refusedWebSocketsAreClosedAtOnceAndReported(String query, int code) {
        try (EngineHarness h = EngineHarness.create()) {
            FakeWebSocketPeer ws = h.webSocket(query);
            assertThat(ws.isClosed()).isTrue();
            assertThat(ws.closeCode()).isEqualTo(1008);
            assertThat(ws.frames()).isEmpty();
            assertThat(h.errors).extracting(ConnectionError::code).containsExactly(code);
            assertThat(h.engine.clientsCount()).isZero();
        }
    }

    @Test
    void webSocketHandshakeDeniedByAllowRequestIsClosed() {
        try (EngineHarness h = EngineHarness.create(b -> b.allowRequest((req, v) -> v.deny("x")))) {
            FakeWebSocketPeer ws = h.webSocket("EIO=4&transport=websocket");
            assertThat(ws.isClosed()).isTrue();
            assertThat(h.errors).extracting(ConnectionError::code).containsExactly(4);
        }
    }

    @Test
    void connectionErrorListenersRunOffTheCallingThread() throws Exception {
        java.util.concurrent.ExecutorService pool =
                java.util.concurrent.Executors.newSingleThreadExecutor(
                        r -> new Thread(r, "lane-pool"));
        try (EngineServer engine =
                EngineServer.create(EngineOptions.builder().executor(pool).build())) {
            java.util.concurrent.CompletableFuture<String> thread =
                    new java.util.concurrent.CompletableFuture<>();
            engine.onConnectionError(e -> thread.complete(Thread.currentThread().getName()));
            engine.handleRequest(FakePollingExchange.get("/engine.io/?EIO=9&transport=polling"));
            assertThat(thread.get(5, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("lane-pool");
        } finally {
            pool.shutdownNow();
        }
    }
}
