package io.jsocketio.admin;

import io.socket.client.IO;
import io.socket.client.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A Java {@code io.socket:socket.io-client} 2.1.2 socket over WebSocket that records what the
 * server sends, for playing the admin UI (or a user) in tests.
 */
final class UiClient implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** One event: its name and arguments (JSON values as org.json types). */
    record Event(String name, List<Object> args) {}

    private final Socket socket;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final CompletableFuture<String> connected = new CompletableFuture<>();
    private final CompletableFuture<String> disconnected = new CompletableFuture<>();

    private UiClient(Socket socket) {
        this.socket = socket;
        socket.on(Socket.EVENT_CONNECT, a -> connected.complete(socket.id()));
        socket.on(
                Socket.EVENT_CONNECT_ERROR,
                a ->
                        connected.completeExceptionally(
                                new IllegalStateException(String.valueOf(a[0]))));
        socket.on(Socket.EVENT_DISCONNECT, a -> disconnected.complete(String.valueOf(a[0])));
        socket.onAnyIncoming(
                a -> events.add(new Event((String) a[0], Arrays.asList(a).subList(1, a.length))));
    }

    /** Opens a socket on {@code url + nsp}; {@link #connected()} tells how it went. */
    static UiClient open(String url, String nsp, @Nullable Map<String, String> auth) {
        IO.Options options =
                IO.Options.builder()
                        .setForceNew(true)
                        .setReconnection(false)
                        .setTransports(new String[] {"websocket"})
                        .setAuth(auth)
                        .build();
        UiClient client = new UiClient(IO.socket(URI.create(url + nsp), options));
        client.socket.connect();
        return client;
    }

    /** Opens and waits for the connection. */
    static UiClient connect(String url, String nsp, @Nullable Map<String, String> auth)
            throws Exception {
        UiClient c = open(url, nsp, auth);
        c.connected();
        return c;
    }

    /** The socket id, once connected; fails with the connect_error message otherwise. */
    String connected() throws Exception {
        return connected.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The next event named {@code name} that matches {@code test}; others are skipped. */
    Event next(String name, Predicate<Event> test) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            Event e = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (e == null) {
                throw new AssertionError("no " + name + " event in " + TIMEOUT);
            }
            if (e.name().equals(name) && test.test(e)) {
                return e;
            }
        }
    }

    /** The next event named {@code name}. */
    Event next(String name) throws InterruptedException {
        return next(name, e -> true);
    }

    Socket socket() {
        return socket;
    }

    String disconnected() throws Exception {
        return disconnected.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        socket.close();
    }
}
