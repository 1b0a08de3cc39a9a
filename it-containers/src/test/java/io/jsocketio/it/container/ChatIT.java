package io.jsocketio.it.container;

import static org.assertj.core.api.Assertions.assertThat;

import io.socket.client.IO;
import io.socket.client.Socket;
import io.socket.engineio.client.transports.Polling;
import io.socket.engineio.client.transports.WebSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A WAR with {@code web.xml} registration and {@code @Namespace} beans, reached by the Java
 * socket.io-client over polling, WebSocket and upgrade. The same class runs on every container.
 */
@ExtendWith(ArquillianExtension.class)
class ChatIT {
    private static final long TIMEOUT_SECONDS = 20;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @ArquillianResource URL base;

    private Socket socket;

    @AfterEach
    void closeClient() {
        if (socket != null) {
            socket.close();
        }
    }

    private Socket chat(String token, String... transports) {
        IO.Options options =
                IO.Options.builder()
                        .setPath(base.getPath() + "socket.io/")
                        .setTransports(transports)
                        .setAuth(Map.of("token", token))
                        .setReconnection(false)
                        .setForceNew(true)
                        .build();
        URI uri = URI.create(base.toExternalForm()).resolve("/chat");
        socket = IO.socket(uri, options);
        return socket;
    }

    /** Connects and returns the id sent by the namespace bean's {@code @OnConnect} method. */
    private String connect(Socket s) throws Exception {
        CompletableFuture<String> welcome = new CompletableFuture<>();
        s.on("welcome", args -> welcome.complete(String.valueOf(args[0])));
        s.on(
                Socket.EVENT_CONNECT_ERROR,
                args -> welcome.completeExceptionally(new AssertionError("connect_error " + args[0])));
        s.connect();
        return welcome.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    private static Object ack(Socket s, String event, Object... args) throws Exception {
        CompletableFuture<Object> reply = new CompletableFuture<>();
        s.emit(event, args, response -> reply.complete(response[0]));
        return reply.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    @Test
    void eventsAndAcksWorkOverPolling() throws Exception {
        Socket s = chat("secret", Polling.NAME);
        assertThat(connect(s)).isEqualTo(s.id());
        assertThat(ack(s, "echo", "hello")).isEqualTo("hello");
        assertThat(ack(s, "sum", new JSONObject(Map.of("a", 2, "b", 40)))).isEqualTo(42);
        assertThat(ack(s, "transport")).isEqualTo("polling");
    }

    @Test
    void eventsAndAcksWorkOverWebSocket() throws Exception {
        Socket s = chat("secret", WebSocket.NAME);
        assertThat(connect(s)).isEqualTo(s.id());
        assertThat(ack(s, "echo", "hello")).isEqualTo("hello");
        assertThat(ack(s, "transport")).isEqualTo("websocket");
    }

    @Test
    void pollingUpgradesToWebSocket() throws Exception {
        Socket s = chat("secret", Polling.NAME, WebSocket.NAME);
        connect(s);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        // the client upgrades in the background: ask the server until it reports websocket
        Object transport = ack(s, "transport");
        while (!"websocket".equals(transport) && System.nanoTime() < deadline) {
            transport = ack(s, "transport");
        }
        assertThat(transport).isEqualTo("websocket");
        assertThat(ack(s, "echo", "after upgrade")).isEqualTo("after upgrade");
    }

    @Test
    void middlewareBeanRefusesAWrongToken() throws Exception {
        Socket s = chat("wrong", WebSocket.NAME);
        CompletableFuture<Object> error = new CompletableFuture<>();
        s.on(Socket.EVENT_CONNECT_ERROR, args -> error.complete(args[0]));
        s.connect();
        assertThat(error.get(TIMEOUT_SECONDS, TimeUnit.SECONDS).toString())
                .contains("not authorized");
    }

    @Test
    void servletBroadcastsThroughTheInjectedServer() throws Exception {
        Socket s = chat("secret", WebSocket.NAME);
        CompletableFuture<Object> news = new CompletableFuture<>();
        s.on("news", args -> news.complete(args[0]));
        connect(s);
        HttpResponse<String> response =
                HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(TIMEOUT_SECONDS))
                        .build()
                        .send(
                                HttpRequest.newBuilder(base.toURI().resolve("broadcast?text=extra"))
                                        .POST(HttpRequest.BodyPublishers.noBody())
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(news.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isEqualTo("extra");
    }

    @Test
    void clientBundleIsServedWithServeClient() throws Exception {
        HttpResponse<String> response =
                HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .build()
                        .send(
                                HttpRequest.newBuilder(
                                                base.toURI().resolve("socket.io/socket.io.min.js"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("io");
    }
}
