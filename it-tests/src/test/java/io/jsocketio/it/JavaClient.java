package io.jsocketio.it;

import io.socket.client.Ack;
import io.socket.client.IO;
import io.socket.client.Socket;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import org.jspecify.annotations.Nullable;

/**
 * The Java client {@code io.socket:socket.io-client} 2.1.2 (Socket.IO v5 / Engine.IO 4), one socket
 * on its own connection, recording every event the server sends in order.
 */
final class JavaClient implements AutoCloseable {

    /**
     * An event the server sent: its name and arguments (a trailing {@link Ack} if it wants one).
     */
    record Event(String name, List<Object> args) {
        Ack ack() {
            return (Ack) args.get(args.size() - 1);
        }
    }

    private final Socket socket;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final CompletableFuture<String> connected = new CompletableFuture<>();
    private final CompletableFuture<String> disconnected = new CompletableFuture<>();

    private JavaClient(Socket socket) {
        this.socket = socket;
    }

    /** Connects to {@code nsp} of {@code url} and waits for the CONNECT. */
    static JavaClient connect(
            String url, String nsp, Transports transports, @Nullable Map<String, String> auth)
            throws Exception {
        IO.Options options =
                IO.Options.builder()
                        .setForceNew(true)
                        .setReconnection(false)
                        .setTransports(transports.names().toArray(String[]::new))
                        .setAuth(auth)
                        .build();
        JavaClient client = new JavaClient(IO.socket(URI.create(url + nsp), options));
        Socket socket = client.socket;
        socket.on(Socket.EVENT_CONNECT, args -> client.connected.complete(socket.id()));
        socket.on(
                Socket.EVENT_CONNECT_ERROR,
                args ->
                        client.connected.completeExceptionally(
                                new AssertionError("connect_error " + Arrays.toString(args))));
        socket.on(
                Socket.EVENT_DISCONNECT,
                args -> client.disconnected.complete(String.valueOf(args[0])));
        socket.onAnyIncoming(
                args ->
                        client.events.add(
                                new Event(
                                        (String) args[0],
                                        Arrays.asList(args).subList(1, args.length))));
        socket.connect();
        It.get(client.connected);
        return client;
    }

    Socket socket() {
        return socket;
    }

    /** The socket id the server gave. */
    String id() {
        return socket.id();
    }

    /** The next event the server sent. */
    Event next() throws InterruptedException {
        return It.take(events);
    }

    /** Emits with an ack and returns the ack's arguments. */
    List<Object> emitWithAck(String event, Object... args) throws Exception {
        CompletableFuture<List<Object>> ack = new CompletableFuture<>();
        socket.emit(event, args, response -> ack.complete(Arrays.asList(response)));
        return It.get(ack);
    }

    /** The disconnect reason. */
    String disconnected() throws Exception {
        return It.get(disconnected);
    }

    @Override
    public void close() {
        socket.close();
    }
}
