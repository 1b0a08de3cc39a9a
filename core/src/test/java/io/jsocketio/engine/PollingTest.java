package io.jsocketio.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsocketio.engine.testing.EngineHarness;
import io.jsocketio.engine.testing.FakeEngineRequest;
import io.jsocketio.engine.testing.FakePollingExchange;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import org.junit.jupiter.api.Test;

/** CONFORMANCE.md section 2, "Messages" and "Close" over polling, plus limits and compression. */
class PollingTest {
    private static final String SEP = "\u001e";

    private static List<String> closes(EngineSocket socket) {
        List<String> reasons = new ArrayList<>();
        socket.onClose((reason, description) -> reasons.add(reason.wire()));
        return reasons;
    }

    @Test
    void postAnswersOkAndTheNextGetEchoesThePacket() {
        try (EngineHarness h = EngineHarness.echo(b -> b)) {
            String sid = h.handshake();
            FakePollingExchange post = h.post(sid, "4hello");
            assertThat(post.status()).isEqualTo(200);
            assertThat(post.body()).isEqualTo("ok");
            assertThat(post.response().header("Content-Type")).isEqualTo("text/html");

            FakePollingExchange get = h.poll(sid);
            assertThat(get.status()).isEqualTo(200);
            assertThat(get.body()).isEqualTo("4hello");
            assertThat(get.response().header("Content-Type"))
                    .isEqualTo("text/plain; charset=UTF-8");
            assertThat(get.response().header("Cache-Control")).isEqualTo("no-store");
        }
    }

    @Test
    void packetsQueuedForTheNextPollGoOutTogetherInOrder() {
        try (EngineHarness h = EngineHarness.echo(b -> b)) {
            String sid = h.handshake();
            assertThat(h.post(sid, "4test1" + SEP + "4test2" + SEP + "4test3").body())
                    .isEqualTo("ok");
            assertThat(h.poll(sid).body()).isEqualTo("4test1" + SEP + "4test2" + SEP + "4test3");
        }
    }

    @Test
    void textAndBinaryComeBackByteIdenticalWithBinaryAsBase64() {
        try (EngineHarness h = EngineHarness.create()) {
            List<EngineMessage> received = new ArrayList<>();
            h.engine.onConnection(
                    s ->
                            s.onMessage(
                                    m -> {
                                        received.add(m);
                                        s.send(m);
                                    }));
            String sid = h.handshake();
            h.post(sid, "4hello" + SEP + "bAQIDBA==");
            assertThat(received)
                    .containsExactly(
                            EngineMessage.text("hello"),
                            EngineMessage.binary(new byte[] {1, 2, 3, 4}));
            assertThat(h.poll(sid).body()).isEqualTo("4hello" + SEP + "bAQIDBA==");
        }
    }

    @Test
    void aParkedPollIsAnsweredWithEverythingQueuedOnceSomethingIsSent() {
        try (EngineHarness h = EngineHarness.create()) {
            String sid = h.handshake();
            EngineSocket socket = h.engine.client(sid).orElseThrow();
            FakePollingExchange get = h.poll(sid);
            assertThat(get.responded()).isFalse();

            socket.send(List.of(EngineMessage.text("a"), EngineMessage.binary(new byte[] {9})));
            assertThat(get.body()).isEqualTo("4a" + SEP + "bCQ==");
            assertThat(get.respondCalls()).isEqualTo(1);

            socket.send(EngineMessage.text("b"));
            socket.send(EngineMessage.text("c"));
            assertThat(h.poll(sid).body()).isEqualTo("4b" + SEP + "4c");
        }
    }

    @Test
    void anInvalidPacketAnswers400AndClosesTheSession() {
        try (EngineHarness h = EngineHarness.echo(b -> b)) {
            String sid = h.handshake();
            List<String> reasons = closes(h.engine.client(sid).orElseThrow());

            FakePollingExchange post = h.post(sid, "abc");

            assertThat(post.status()).isEqualTo(400);
            assertThat(reasons).containsExactly("parse error");
            assertThat(h.poll(sid).status()).isEqualTo(400);
            assertThat(h.engine.clientsCount()).isZero();
        }
    }

    @Test
    void packetsBeforeAnInvalidOneAreStillDeliveredAndAParkedPollGetsTheClosePacket() {
        try (EngineHarness h = EngineHarness.create()) {
            List<String> seen = new ArrayList<>();
            h.engine.onConnection(s -> s.onMessage(m -> seen.add(m.text())));
            String sid = h.handshake();
            FakePollingExchange parked = h.poll(sid);

            h.post(sid, "4one" + SEP + "zz");

            assertThat(seen).containsExactly("one");
            assertThat(parked.body()).isEqualTo("1");
        }
    }

    @Test
    void aBinaryPollingBodyIsAParseErrorInProtocol4() {
        try (EngineHarness h = EngineHarness.create()) {
            String sid = h.handshake();
            List<String> reasons = closes(h.engine.client(sid).orElseThrow());
            FakePollingExchange post =
                    h.handle(
                            new FakePollingExchange(
                                    FakeEngineRequest.of(
                                                    "POST",
                                                    h.url("EIO=4&transport=polling&sid=" + sid))
                                            .header("Content-Type", "application/octet-stream"),
                                    new byte[] {4, 1}));
            assertThat(post.status()).isEqualTo(400);
            assertThat(reasons).containsExactly("parse error");
        }
    }

    @Test
    void twoOutstandingGetsAnswerTheFirstWithCloseAndTheSecondWith400() {
        try (EngineHarness h = EngineHarness.create()) {
            String sid = h.handshake();
            List<String> reasons = closes(h.engine.client(sid).orElseThrow());
            FakePollingExchange first = h.poll(sid);
            FakePollingExchange second = h.poll(sid);

            assertThat(first.status()).isEqualTo(200);
            assertThat(first.body()).isEqualTo("1");
            assertThat(second.status()).isEqualTo(400);
            assertThat(reasons).containsExactly("transport error");
            assertThat(h.poll(sid).status()).isEqualTo(400);
        }
    }

    @Test
    void anAbortedPollClosesTheSession() {
        try (EngineHarness h = EngineHarness.create()) {
            String sid = h.handshake();
            List<String> reasons = closes(h.engine.client(sid).orElseThrow());
            FakePollingExchange get = h.poll(sid);

            get.abort();

            assertThat(reasons).containsExactly("transport error");
            assertThat(get.responded()).isFalse();
            assertThat(h.poll(sid).status()).isEqualTo(400);
            assertThat(h.scheduler.pendingCount()).isZero();
        }
    }

    @Test
    void aClosePacketPostedWhileAPollIsParkedAnswersThePollWithNoop() {
        try (EngineHarness h = EngineHarness.create()) {
            String sid = h.handshake();
            List<String> reasons = closes(h.engine.client(sid).orElseThrow());
            FakePollingExchange get = h.poll(sid);

            FakePollingExchange post = h.post(sid, "1");

            assertThat(get.status()).isEqualTo(200);
            assertThat(get.body()).isEqualTo("6");
            assertThat(post.body()).isEqualTo("ok");
            assertThat(reasons).containsExactly("transport close");
            assertThat(h.poll(sid).status()).isEqualTo(400);
        }
    }

    @Test
    void aGetSentWithTheClientsCloseGetsNoopEvenWhenTheCloseIsAppliedFirst() {
        // the official suites' "forcefully closes the session": GET and POST 1 sent at once; on
        // two container threads the POST may be applied before the GET is even read
        try (EngineHarness h = EngineHarness.create()) {
            String sid = h.handshake();
            List<String> reasons = closes(h.engine.client(sid).orElseThrow());
            FakePollingExchange post = h.post(sid, "1");
            assertThat(reasons).containsExactly("transport close");
            assertThat(post.responded()).as("ok held for the racing GET").isFalse();

            FakePollingExchange get = h.poll(sid);

            assertThat(get.status()).isEqualTo(200);
            assertThat(get.body()).isEqualTo("6");
            assertThat(post.body()).isEqualTo("ok");
            FakePollingExchange later = h.poll(sid);
            assertThat(later.status()).isEqualTo(400);
            assertThat(later.body()).isEqualTo("{\"code\":1,\"message\":\"Session ID unknown\"}");
            h.advanceMillis(250);
            assertThat(h.scheduler.pendingCount()).isZero();
        }
    }

    @Test
    void aGetAfterTheClientsCloseWasAnsweredGets400() {
        // JSONP and other clients that wait for the close's ok before polling again: 400, as Node
        try (EngineHarness h = EngineHarness.create()) {
            String sid = h.handshake();
            FakePollingExchange post = h.post(sid, "1");

            h.advanceMillis(249);
            assertThat(post.responded()).isFalse();
            h.advanceMillis(1);
            assertThat(post.body()).isEqualTo("ok");

            assertThat(h.poll(sid).status()).isEqualTo(400);
            assertThat(h.scheduler.pendingCount()).isZero();
        }
    }

    @Test
    void closingTheEngineSendsTheHeldOkOfAClientsClose() {
        EngineHarness h = EngineHarness.create();
        String sid = h.handshake();
        FakePollingExchange post = h.post(sid, "1");
        assertThat(post.responded()).isFalse();

        h.close();

        assertThat(post.body()).isEqualTo("ok");
    }

    @Test
    void aPostWithoutACloseIsAnsweredAtOnceAndHoldsNothing() {
        try (EngineHarness h = EngineHarness.create()) {
            String sid = h.handshake();
            int before = h.scheduler.pendingCount();
            assertThat(h.post(sid, "4x").body()).isEqualTo("ok");
            assertThat(h.scheduler.pendingCount()).isEqualTo(before);
        }
    }

    @Test
    void aPostOverMaxHttpBufferSizeAnswers413AndClosesTheSession() {
        try (EngineHarness h = EngineHarness.echo(b -> b.maxHttpBufferSize(10))) {
            String sid = h.handshake();
            List<String> reasons = closes(h.engine.client(sid).orElseThrow());
            assertThat(h.post(sid, "4123456789").body()).isEqualTo("ok"); // exactly 10 bytes

            FakePollingExchange post = h.post(sid, "4123456789X");

            assertThat(post.status()).isEqualTo(413);
            assertThat(reasons).containsExactly("transport error");
            assertThat(h.engine.clientsCount()).isZero();
        }
    }

    @Test
    void twoPostsAtOnceCloseTheSession() {
        try (EngineHarness h = EngineHarness.echo(b -> b)) {
            String sid = h.handshake();
            List<String> reasons = closes(h.engine.client(sid).orElseThrow());
            FakePollingExchange first =
                    h.handle(
                            FakePollingExchange.post(
                                            h.url("EIO=4&transport=polling&sid=" + sid), "4a")
                                    .deferBody());
            FakePollingExchange second = h.post(sid, "4b");

            assertThat(second.status()).isEqualTo(400);
            assertThat(reasons).containsExactly("transport error");
            first.deliverBody();
            assertThat(first.responded()).isTrue();
        }
    }

    @Test
    void aFailedBodyReadClosesTheSession() {
        try (EngineHarness h = EngineHarness.echo(b -> b)) {
            String sid = h.handshake();
            List<String> reasons = closes(h.engine.client(sid).orElseThrow());
            FakePollingExchange post =
                    h.handle(
                            FakePollingExchange.post(
                                            h.url("EIO=4&transport=polling&sid=" + sid), "4a")
                                    .deferBody());
            post.failBody(new IOException("reset"));
            assertThat(reasons).containsExactly("transport error");
            assertThat(post.respondCalls()).isEqualTo(1);
        }
    }

    @Test
    void largePayloadsAreCompressedAsTheClientAccepts() throws IOException {
        String big = "x".repeat(2000);
        try (EngineHarness h = EngineHarness.create()) {
            String sid = h.handshake();
            EngineSocket socket = h.engine.client(sid).orElseThrow();
            String url = h.url("EIO=4&transport=polling&sid=" + sid);

            socket.send(EngineMessage.text(big));
            FakePollingExchange gzip =
                    h.handle(
                            FakePollingExchange.of(
                                    FakeEngineRequest.get(url)
                                            .header("Accept-Encoding", "gzip, deflate, br")));
            assertThat(gzip.response().header("Content-Encoding")).isEqualTo("gzip");
            assertThat(
                            inflate(
                                    new GZIPInputStream(
                                            new ByteArrayInputStream(gzip.response().body()))))
                    .isEqualTo("4" + big);

            socket.send(EngineMessage.text(big));
            FakePollingExchange deflate =
                    h.handle(
                            FakePollingExchange.of(
                                    FakeEngineRequest.get(url)
                                            .header("Accept-Encoding", "deflate")));
            assertThat(deflate.response().header("Content-Encoding")).isEqualTo("deflate");
            assertThat(
                            inflate(
                                    new InflaterInputStream(
                                            new ByteArrayInputStream(deflate.response().body()))))
                    .isEqualTo("4" + big);

            socket.send(EngineMessage.text(big));
            FakePollingExchange plain = h.poll(sid);
            assertThat(plain.response().headers()).doesNotContainKey("Content-Encoding");
            assertThat(plain.body()).isEqualTo("4" + big);

            socket.send(EngineMessage.text("small"));
            FakePollingExchange small =
                    h.handle(
                            FakePollingExchange.of(
                                    FakeEngineRequest.get(url).header("Accept-Encoding", "gzip")));
            assertThat(small.response().headers()).doesNotContainKey("Content-Encoding");
            assertThat(small.body()).isEqualTo("4small");
        }
    }

    @Test
    void compressionCanBeTurnedOffAndNeverAppliesToOk() {
        String big = "y".repeat(5000);
        try (EngineHarness h = EngineHarness.echo(b -> b.noHttpCompression())) {
            String sid = h.handshake();
            String url = h.url("EIO=4&transport=polling&sid=" + sid);
            FakePollingExchange post =
                    h.handle(
                            new FakePollingExchange(
                                    FakeEngineRequest.of("POST", url)
                                            .header("Accept-Encoding", "gzip"),
                                    ("4" + big).getBytes(StandardCharsets.UTF_8)));
            assertThat(post.response().headers()).doesNotContainKey("Content-Encoding");
            assertThat(post.body()).isEqualTo("ok");
            FakePollingExchange get =
                    h.handle(
                            FakePollingExchange.of(
                                    FakeEngineRequest.get(url).header("Accept-Encoding", "gzip")));
            assertThat(get.response().headers()).doesNotContainKey("Content-Encoding");
            assertThat(get.body()).isEqualTo("4" + big);
        }
    }

    private static String inflate(InputStream in) throws IOException {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
