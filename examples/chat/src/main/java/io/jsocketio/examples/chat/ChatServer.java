package io.jsocketio.examples.chat;

import io.jsocketio.Server;
import io.jsocketio.ServerOptions;
import java.util.concurrent.CountDownLatch;

/**
 * The chat demo on embedded Jetty: {@code new Server(port, options)} serves the Socket.IO endpoint
 * and, through {@code serveClient}, {@code /socket.io/socket.io.min.js}; the page itself ({@code
 * index.html}, {@code chat.js}, {@code chat.css}) lies in this module's class path under {@code
 * META-INF/jsocketio/public/}, which the embedded server serves at {@code /}.
 *
 * <p>Thread-safety: safe for concurrent use; {@link #close()} is idempotent.
 */
public final class ChatServer implements AutoCloseable {
    /** The largest image accepted, in bytes. */
    static final int MAX_IMAGE_BYTES = 2 * 1024 * 1024;

    private final Server io;
    private final ChatOps ops;

    private ChatServer(Server io, ChatOps ops) {
        this.io = io;
        this.ops = ops;
    }

    /**
     * Starts the chat on {@code host:port}; port 0 picks a free port, host {@code 0.0.0.0} binds
     * every interface.
     */
    public static ChatServer start(String host, int port) {
        ServerOptions options =
                ServerOptions.builder()
                        .host(host)
                        .maxHttpBufferSize(MAX_IMAGE_BYTES + 64 * 1024)
                        // a page offline for a moment gets its messages back (2 min, Node's
                        // default)
                        .connectionStateRecovery()
                        .build();
        Server io = new Server(port, options);
        ChatApp.install(io);
        int metricsPort = port == 0 ? 0 : Integer.parseInt(env("METRICS_PORT", "9464"));
        ChatOps ops = ChatOps.install(io, System.getenv("ADMIN_PASSWORD"), host, metricsPort);
        return new ChatServer(io, ops);
    }

    /** The port the server listens on. */
    public int port() {
        return io.port().orElseThrow();
    }

    /** The Socket.IO server. */
    Server io() {
        return io;
    }

    /** The admin UI's password (user {@code admin}). */
    public String adminPassword() {
        return ops.password();
    }

    /** The port of {@code /metrics}. */
    public int metricsPort() {
        return ops.metricsPort();
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    @Override
    public void close() {
        try {
            io.close();
        } finally {
            ops.close();
        }
    }

    /**
     * Runs until killed: port {@code PORT} (default 3000), every interface unless {@code HOST} is
     * set.
     */
    public static void main(String[] args) throws InterruptedException {
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "3000"));
        String host = System.getenv().getOrDefault("HOST", "0.0.0.0");
        ChatServer server = start(host, port);
        String shown = "0.0.0.0".equals(host) ? "localhost" : host;
        System.out.println(
                "jsocketio chat: open http://" + shown + ":" + server.port() + " (Ctrl+C stops)");
        System.out.println(
                "admin UI: http://"
                        + shown
                        + ":"
                        + server.port()
                        + "/admin/ (server URL http://"
                        + shown
                        + ":"
                        + server.port()
                        + ", user admin, password "
                        + server.adminPassword()
                        + "); metrics: http://"
                        + shown
                        + ":"
                        + server.metricsPort()
                        + "/metrics");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    server.close();
                                    stopped.countDown();
                                }));
        stopped.await();
    }
}
