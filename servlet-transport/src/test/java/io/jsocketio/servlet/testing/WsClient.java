package io.jsocketio.servlet.testing;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The JDK WebSocket client, recording every frame in order: {@code text:..}, {@code binary:[1, 2]},
 * and at the end {@code close:code} or {@code error:..}. The recording is thread-safe (the JDK
 * client calls the listener one message at a time); send from one thread.
 */
public final class WsClient implements WebSocket.Listener {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
    public final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder text = new StringBuilder();
    private final ByteArrayOutputStream binary = new ByteArrayOutputStream();
    private WebSocket socket;

    private WsClient() {}

    public static WsClient connect(URI uri) throws Exception {
        return connect(uri, Map.of());
    }

    /** Opens a WebSocket sending the extra handshake headers. */
    public static WsClient connect(URI uri, Map<String, String> headers) throws Exception {
        WsClient client = new WsClient();
        WebSocket.Builder builder = HTTP.newWebSocketBuilder();
        headers.forEach(builder::header);
        client.socket = builder.buildAsync(uri, client).get(10, TimeUnit.SECONDS);
        return client;
    }

    /** The underlying JDK WebSocket, for frames the helpers do not send. */
    public WebSocket socket() {
        return socket;
    }

    /** The next frame, failing after the timeout. */
    public String next(Duration timeout) throws InterruptedException {
        String value = frames.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (value == null) {
            throw new AssertionError("no frame within " + timeout);
        }
        return value;
    }

    public WsClient send(String data) throws Exception {
        socket.sendText(data, true).get(10, TimeUnit.SECONDS);
        return this;
    }

    public WsClient sendBinary(byte[] data) throws Exception {
        socket.sendBinary(ByteBuffer.wrap(data), true).get(10, TimeUnit.SECONDS);
        return this;
    }

    /** Sends without waiting, for messages the server may refuse by closing. */
    public void sendAndForget(String data) {
        socket.sendText(data, true);
    }

    public void abort() {
        socket.abort();
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        text.append(data);
        if (last) {
            frames.add("text:" + text);
            text.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        binary.writeBytes(bytes);
        if (last) {
            frames.add("binary:" + Arrays.toString(binary.toByteArray()));
            binary.reset();
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        frames.add("close:" + statusCode);
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        frames.add("error:" + error);
        closed.completeExceptionally(error);
    }
}
