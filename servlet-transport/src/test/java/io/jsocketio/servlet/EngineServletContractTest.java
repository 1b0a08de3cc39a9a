package io.jsocketio.servlet;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.jsocketio.engine.EngineMount;
import io.jsocketio.engine.EngineRequest;
import io.jsocketio.engine.PollingExchange;
import io.jsocketio.engine.StaticFiles;
import io.jsocketio.servlet.testing.StubEngine;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the servlet transport promises, checked on a real container against a stub engine; one
 * subclass per container.
 */
abstract class EngineServletContractTest {
    protected static final Duration WAIT = Duration.ofSeconds(10);
    private static final byte[] BUNDLE = "console.log('client');".repeat(200).getBytes(UTF_8);

    protected final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    protected final StubEngine engine = new StubEngine("/socket.io/");
    protected AutoCloseable server;
    protected int port;

    /**
     * Starts the container on 127.0.0.1, port 0, with {@link ServletTransport#install} run for the
     * mount while the context at {@code contextPath} ("/" for the root) initializes.
     *
     * @return what stops it
     */
    protected abstract Started startContainer(String contextPath, EngineMount mount)
            throws Exception;

    /** A started container. */
    protected record Started(int port, AutoCloseable stopper) {}

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    protected void start(String contextPath, EngineMount mount) throws Exception {
        Started started = startContainer(contextPath, mount);
        server = started.stopper();
        port = started.port();
    }

    protected void start() throws Exception {
        start("/", EngineMount.of(engine));
    }

    protected URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }

    private HttpResponse<String> get(String pathAndQuery) throws Exception {
        return http.send(
                HttpRequest.newBuilder(uri(pathAndQuery)).build(), BodyHandlers.ofString());
    }

    protected static void answer(PollingExchange exchange, int status, String body) {
        exchange.respond(
                status, Map.of("Content-Type", "text/plain; charset=UTF-8"), body.getBytes(UTF_8));
    }

    @Test
    void handsTheEngineAnImmutableSnapshotOfTheRequest() throws Exception {
        engine.answering(exchange -> answer(exchange, 200, "hello"));
        start();

        HttpResponse<String> response =
                http.send(
                        HttpRequest.newBuilder(
                                        uri(
                                                "/socket.io/?EIO=4&transport=polling&b=x%20y&a=1&b=z+w"))
                                .header("X-Custom", "one")
                                .build(),
                        BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("hello");
        // containers may normalize the spelling of a Content-Type
        assertThat(response.headers().firstValue("content-type").orElseThrow())
                .isEqualToIgnoringCase("text/plain; charset=UTF-8".replace(" ", ""));
        EngineRequest request = engine.next(WAIT).request();
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.path()).isEqualTo("/socket.io/");
        assertThat(request.queryString()).isEqualTo("EIO=4&transport=polling&b=x%20y&a=1&b=z+w");
        assertThat(request.query())
                .containsExactly(
                        Map.entry("EIO", List.of("4")),
                        Map.entry("transport", List.of("polling")),
                        Map.entry("b", List.of("x y", "z w")),
                        Map.entry("a", List.of("1")));
        assertThat(request.query("b")).hasValue("x y");
        assertThat(request.headers()).containsEntry("x-custom", List.of("one"));
        assertThat(request.header("X-CUSTOM")).hasValue("one");
        assertThat(request.header("host")).hasValue("127.0.0.1:" + port);
        assertThat(request.remoteAddress().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(request.remoteAddress().getPort()).isPositive();
        assertThat(request.secure()).isFalse();
        assertThat(request.url())
                .isEqualTo("/socket.io/?EIO=4&transport=polling&b=x%20y&a=1&b=z+w");
    }

    @Test
    void givesTheEngineThePathRelativeToTheServletContext() throws Exception {
        engine.answering(exchange -> answer(exchange, 200, "ok"));
        start("/app", EngineMount.of(engine));

        HttpResponse<String> response = get("/app/socket.io/?EIO=4&transport=polling");

        assertThat(response.body()).isEqualTo("ok");
        assertThat(engine.next(WAIT).request().path()).isEqualTo("/socket.io/");
    }

    @Test
    void answersAParkedPollFromAnotherThread() throws Exception {
        start(); // the engine answers nothing on the container thread

        CompletableFuture<HttpResponse<String>> poll =
                http.sendAsync(
                        HttpRequest.newBuilder(uri("/socket.io/?EIO=4&transport=polling&sid=x"))
                                .build(),
                        BodyHandlers.ofString());
        PollingExchange parked = engine.next(WAIT);
        assertThat(poll).isNotDone();
        Thread other = new Thread(() -> answer(parked, 200, "4later"));
        other.start();

        HttpResponse<String> response = poll.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("4later");
        other.join();
    }

    @Test
    void ignoresASecondAnswer() throws Exception {
        engine.answering(
                exchange -> {
                    answer(exchange, 200, "first");
                    answer(exchange, 400, "second");
                });
        start();

        HttpResponse<String> response = get("/socket.io/?EIO=4&transport=polling");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("first");
    }

    @Test
    void readsAPostBodyWithoutBlocking() throws Exception {
        engine.answering(
                exchange ->
                        exchange.readBody(
                                1000,
                                new PollingExchange.BodyCallback() {
                                    @Override
                                    public void onBody(byte[] body) {
                                        answer(exchange, 200, "got " + new String(body, UTF_8));
                                    }

                                    @Override
                                    public void onTooLarge() {
                                        answer(exchange, 413, "");
                                    }

                                    @Override
                                    public void onError(Throwable error) {
                                        answer(exchange, 500, error.toString());
                                    }
                                }));
        start();

        HttpResponse<String> response =
                http.send(
                        HttpRequest.newBuilder(uri("/socket.io/?EIO=4&transport=polling&sid=x"))
                                .POST(BodyPublishers.ofString("4hello\u001e4world"))
                                .build(),
                        BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("got 4hello\u001e4world");
        assertThat(engine.next(WAIT).request().method()).isEqualTo("POST");
    }

    @Test
    void readsAStreamedBodyUpToTheLimit() throws Exception {
        engine.answering(exchange -> exchange.readBody(1000, bodyEcho(exchange)));
        start();
        byte[] body = "x".repeat(1000).getBytes(UTF_8);

        HttpResponse<String> response = postStreamed(body);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("1000 bytes");
    }

    @Test
    void stopsReadingAStreamedBodyOverTheLimit() throws Exception {
        engine.answering(exchange -> exchange.readBody(1000, bodyEcho(exchange)));
        start();
        byte[] body = "x".repeat(50_000).getBytes(UTF_8);

        HttpResponse<String> response = postStreamed(body);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).isEqualTo("too large");
    }

    @Test
    void refusesADeclaredLengthOverTheLimitBeforeReading() throws Exception {
        engine.answering(exchange -> exchange.readBody(10, bodyEcho(exchange)));
        start();

        HttpResponse<String> response =
                http.send(
                        HttpRequest.newBuilder(uri("/socket.io/?EIO=4&transport=polling&sid=x"))
                                .POST(BodyPublishers.ofString("4hello world"))
                                .build(),
                        BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).isEqualTo("too large");
    }

    @Test
    void servesAStaticFileWithEtagCacheControlAndContentType() throws Exception {
        start("/", mountWithBundle());

        HttpResponse<byte[]> response =
                http.send(
                        HttpRequest.newBuilder(uri("/socket.io/socket.io.min.js")).build(),
                        BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(BUNDLE);
        assertThat(response.headers().firstValue("etag")).hasValue("\"4.8.4\"");
        assertThat(response.headers().firstValue("cache-control")).hasValue("public, max-age=0");
        assertThat(response.headers().firstValue("content-type"))
                .hasValue("application/javascript");
        assertThat(response.headers().firstValue("content-encoding")).isEmpty();
        assertThat(engine.received()).isFalse();
    }

    @Test
    void answers304WhenTheClientHasTheFile() throws Exception {
        start("/", mountWithBundle());

        for (String etag : List.of("\"4.8.4\"", "W/\"4.8.4\"")) {
            HttpResponse<String> response =
                    http.send(
                            HttpRequest.newBuilder(uri("/socket.io/socket.io.min.js"))
                                    .header("If-None-Match", etag)
                                    .build(),
                            BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(304);
            assertThat(response.body()).isEmpty();
        }
        HttpResponse<String> stale =
                http.send(
                        HttpRequest.newBuilder(uri("/socket.io/socket.io.min.js"))
                                .header("If-None-Match", "\"4.8.3\"")
                                .build(),
                        BodyHandlers.ofString());
        assertThat(stale.statusCode()).isEqualTo(200);
    }

    @Test
    void compressesAStaticFileWhenTheClientAcceptsGzip() throws Exception {
        start("/", mountWithBundle());

        HttpResponse<byte[]> response =
                http.send(
                        HttpRequest.newBuilder(uri("/socket.io/socket.io.min.js"))
                                .header("Accept-Encoding", "br;q=0, gzip, deflate")
                                .build(),
                        BodyHandlers.ofByteArray());

        assertThat(response.headers().firstValue("content-encoding")).hasValue("gzip");
        assertThat(response.body().length).isLessThan(BUNDLE.length);
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
            assertThat(in.readAllBytes()).isEqualTo(BUNDLE);
        }
    }

    @Test
    void handsOtherNamesBelowThePathToTheEngine() throws Exception {
        engine.answering(exchange -> answer(exchange, 400, "engine"));
        start("/", mountWithBundle());

        HttpResponse<String> response = get("/socket.io/other.js?EIO=4&transport=polling");

        assertThat(response.body()).isEqualTo("engine");
        assertThat(engine.next(WAIT).request().path()).isEqualTo("/socket.io/other.js");
    }

    @Test
    void answers404OutsideTheEnginePath() throws Exception {
        start();

        HttpResponse<String> response = get("/socket.io?EIO=4&transport=polling");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(engine.received()).isFalse();
    }

    @Test
    void answers500WhenTheEngineThrows() throws Exception {
        engine.answering(
                exchange -> {
                    throw new IllegalStateException("engine bug");
                });
        start();

        assertThat(get("/socket.io/?EIO=4&transport=polling").statusCode()).isEqualTo(500);
    }

    private HttpResponse<String> postStreamed(byte[] body) throws Exception {
        // no Content-Length: the body arrives chunked and is measured while it is read
        return http.send(
                HttpRequest.newBuilder(uri("/socket.io/?EIO=4&transport=polling&sid=x"))
                        .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                        .build(),
                BodyHandlers.ofString());
    }

    private static PollingExchange.BodyCallback bodyEcho(PollingExchange exchange) {
        return new PollingExchange.BodyCallback() {
            @Override
            public void onBody(byte[] body) {
                answer(exchange, 200, body.length + " bytes");
            }

            @Override
            public void onTooLarge() {
                answer(exchange, 413, "too large");
            }

            @Override
            public void onError(Throwable error) {
                answer(exchange, 500, error.toString());
            }
        };
    }

    private EngineMount mountWithBundle() {
        StaticFiles files =
                name ->
                        name.equals("socket.io.min.js")
                                ? Optional.of(
                                        new StaticFiles.StaticFile(
                                                name,
                                                "application/javascript",
                                                "\"4.8.4\"",
                                                BUNDLE))
                                : Optional.empty();
        return new EngineMount(engine, files);
    }

    @SuppressWarnings("unused")
    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }
}
