package io.jsocketio.jetty;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.jsocketio.engine.EngineMount;
import io.jsocketio.engine.EngineOptions;
import io.jsocketio.engine.EngineServer;
import io.jsocketio.engine.HttpServerOptions;
import io.jsocketio.hosting.EmbeddedServerProvider;
import io.jsocketio.hosting.EmbeddedServerProvider.EmbeddedServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Clients that hold connections of the embedded Jetty by sending slowly, played with raw sockets on
 * loopback: request headers one byte at a time (headers timeout), a POST body below the minimum
 * data rate, and a POST body still arriving when its session ends (the read is abandoned).
 */
class SlowClientsTest {
    private static final Duration LIMIT = Duration.ofSeconds(15);

    private EngineServer engine;
    private EmbeddedServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (engine != null) {
            engine.close();
        }
    }

    private void start(HttpServerOptions limits, UnaryOperator<EngineOptions.Builder> options)
            throws IOException {
        engine = EngineServer.create(options.apply(EngineOptions.builder()).build());
        server =
                EmbeddedServerProvider.load()
                        .start("127.0.0.1", 0, List.of(EngineMount.of(engine)), limits);
    }

    @Test
    void closesAConnectionThatTricklesItsRequestHeadersPastTheHeadersTimeout() throws Exception {
        start(HttpServerOptions.defaults().withHeadersTimeout(Duration.ofSeconds(1)), b -> b);

        try (Socket slow = connect()) {
            slow.getOutputStream()
                    .write(
                            "GET /engine.io/?EIO=4&transport=polling HTTP/1.1\r\nX-Slow: "
                                    .getBytes(UTF_8));

            assertThat(trickleUntilClosed(slow)).as("closed while trickling").isTrue();
        }
    }

    @Test
    void keepsAConnectionWhoseHeadersCameInTimeAndServesItsNextRequest() throws Exception {
        start(HttpServerOptions.defaults().withHeadersTimeout(Duration.ofSeconds(1)), b -> b);

        try (Socket client = connect()) {
            String first =
                    request(
                            client,
                            "GET /engine.io/?EIO=4&transport=polling HTTP/1.1\r\nHost: x\r\n\r\n");
            String second =
                    request(
                            client,
                            "GET /engine.io/?EIO=4&transport=polling HTTP/1.1\r\nHost: x\r\n\r\n");

            assertThat(first).startsWith("HTTP/1.1 200").contains("\"sid\"");
            assertThat(second).startsWith("HTTP/1.1 200").contains("\"sid\"");
        }
    }

    @Test
    void failsARequestBodyArrivingBelowTheMinimumDataRate() throws Exception {
        start(HttpServerOptions.defaults().withMinRequestDataRate(64), b -> b);
        String sid = handshake();

        try (Socket slow = connect()) {
            slow.getOutputStream().write(post(sid, 1_000_000));

            assertThat(trickleUntilClosed(slow)).as("closed while trickling").isTrue();
        }
        assertThat(engine.client(sid)).isEmpty();
    }

    @Test
    void abandonsABodyReadWhenItsSessionEnds() throws Exception {
        // no rate check: only the end of the session (ping timeout) can free this connection
        start(
                HttpServerOptions.defaults().withMinRequestDataRate(0),
                b -> b.pingInterval(Duration.ofMillis(300)).pingTimeout(Duration.ofMillis(200)));
        String sid = handshake();

        try (Socket slow = connect()) {
            slow.getOutputStream().write(post(sid, 1_000_000));

            assertThat(trickleUntilClosed(slow)).as("closed while trickling").isTrue();
        }
        assertThat(engine.client(sid)).isEmpty();
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", server.port()));
        return socket;
    }

    private String handshake() throws IOException {
        try (Socket client = connect()) {
            String response =
                    request(
                            client,
                            "GET /engine.io/?EIO=4&transport=polling HTTP/1.1\r\nHost: x\r\n\r\n");
            return response.replaceAll("(?s).*\"sid\":\"([^\"]+)\".*", "$1");
        }
    }

    private static byte[] post(String sid, int declared) {
        return ("POST /engine.io/?EIO=4&transport=polling&sid="
                        + sid
                        + " HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: "
                        + declared
                        + "\r\n\r\n4")
                .getBytes(UTF_8);
    }

    /** Sends one request and reads its response (headers and a Content-Length body). */
    private static String request(Socket socket, String request) throws IOException {
        socket.setSoTimeout((int) LIMIT.toMillis());
        socket.getOutputStream().write(request.getBytes(UTF_8));
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(UTF_8).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
        }
        String headers = head.toString(UTF_8);
        int length =
                Integer.parseInt(
                        headers.replaceAll("(?si).*content-length: *(\\d+).*", "$1").trim());
        return headers + new String(in.readNBytes(length), UTF_8);
    }

    /**
     * Sends one byte every 100 ms (the read timeout paces it) until the server closes the
     * connection, or {@link #LIMIT} passes; true when it was closed.
     */
    private static boolean trickleUntilClosed(Socket socket) throws IOException {
        socket.setSoTimeout(100);
        long deadline = System.nanoTime() + LIMIT.toNanos();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[1024];
        while (System.nanoTime() - deadline < 0) {
            try {
                socket.getOutputStream().write('a');
                if (in.read(buffer) < 0) {
                    return true;
                }
                // a response (400, 408) may come first; the close follows
            } catch (SocketTimeoutException stillOpen) {
                // nothing yet: send the next byte
            } catch (IOException reset) {
                return true;
            }
        }
        return false;
    }
}
