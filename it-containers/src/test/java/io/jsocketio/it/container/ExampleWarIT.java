package io.jsocketio.it.container;

import static org.assertj.core.api.Assertions.assertThat;

import io.socket.client.IO;
import io.socket.client.Socket;
import io.socket.engineio.client.transports.Polling;
import io.socket.engineio.client.transports.WebSocket;
import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * examples/chat-war as Maven built it, deployed unchanged (on Tomcat, which has no CDI, the Weld jar
 * is added as the example's {@code -Ptomcat} build would), used by two real clients.
 */
@ExtendWith(ArquillianExtension.class)
class ExampleWarIT {
    private static final long TIMEOUT_SECONDS = 20;

    @Deployment(testable = false)
    static WebArchive deployment() {
        File file = new File(Objects.requireNonNull(System.getProperty("example.war")));
        WebArchive war = ShrinkWrap.createFromZipFile(WebArchive.class, file);
        if ("tomcat".equals(System.getProperty("it.container"))) {
            File lib = new File(System.getProperty("war.lib"));
            war.addAsLibraries(lib.listFiles((dir, name) -> name.startsWith("weld-servlet-shaded")));
        }
        return war;
    }

    @ArquillianResource URL base;

    private final List<Socket> sockets = new ArrayList<>();

    @AfterEach
    void closeClients() {
        sockets.forEach(Socket::close);
    }

    private Socket client(String name, String transport) {
        IO.Options options =
                IO.Options.builder()
                        .setPath(base.getPath() + "socket.io/")
                        .setTransports(new String[] {transport})
                        .setAuth(Map.of("name", name))
                        .setReconnection(false)
                        .setForceNew(true)
                        .build();
        Socket socket = IO.socket(URI.create(base.toExternalForm()).resolve("/chat"), options);
        sockets.add(socket);
        return socket;
    }

    private static void connect(Socket socket) throws Exception {
        CompletableFuture<Void> connected = new CompletableFuture<>();
        socket.once(Socket.EVENT_CONNECT, args -> connected.complete(null));
        socket.once(
                Socket.EVENT_CONNECT_ERROR,
                args -> connected.completeExceptionally(new AssertionError(args[0])));
        socket.connect();
        connected.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    @Test
    void chatRelaysMessagesAndAnnouncementsBetweenTwoClients() throws Exception {
        Socket ann = client("ann", WebSocket.NAME);
        CompletableFuture<Object> joined = new CompletableFuture<>();
        CompletableFuture<JSONObject> message = new CompletableFuture<>();
        CompletableFuture<Object> announcement = new CompletableFuture<>();
        ann.on("joined", args -> joined.complete(args[0]));
        ann.on("message", args -> message.complete((JSONObject) args[0]));
        ann.on("announcement", args -> announcement.complete(args[0]));
        connect(ann);

        Socket bob = client("bob", Polling.NAME);
        connect(bob);
        assertThat(joined.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isEqualTo("bob");

        CompletableFuture<Object> ack = new CompletableFuture<>();
        bob.emit(
                "message",
                new Object[] {new JSONObject(Map.of("text", "hello"))},
                args -> ack.complete(args[0]));
        assertThat(ack.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isEqualTo("delivered");
        JSONObject said = message.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertThat(said.getString("name")).isEqualTo("bob");
        assertThat(said.getString("text")).isEqualTo("hello");

        HttpResponse<String> response =
                HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .build()
                        .send(
                                HttpRequest.newBuilder(base.toURI().resolve("announce?text=news"))
                                        .POST(HttpRequest.BodyPublishers.noBody())
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(announcement.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isEqualTo("news");
    }

    @Test
    void middlewareRefusesATakenNickname() throws Exception {
        connect(client("carol", WebSocket.NAME));
        Socket second = client("carol", WebSocket.NAME);
        CompletableFuture<Object> error = new CompletableFuture<>();
        second.once(Socket.EVENT_CONNECT_ERROR, args -> error.complete(args[0]));
        second.connect();
        assertThat(error.get(TIMEOUT_SECONDS, TimeUnit.SECONDS).toString())
                .contains("nickname missing or taken");
    }
}
