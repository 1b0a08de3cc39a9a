package io.jsocketio.examples.springchat;

import static io.jsocketio.testkit.NodeJson.command;
import static org.assertj.core.api.Assertions.assertThat;

import io.jsocketio.testkit.NodeProcess;
import jakarta.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/** Smoke test: the page, the client bundle and the chat namespace on the application's port. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "server.address=127.0.0.1")
class SpringBootChatTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @Value("${local.server.port}")
    int port;

    private String get(String path) throws Exception {
        HttpResponse<String> response =
                HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .build()
                        .send(
                                HttpRequest.newBuilder(
                                                URI.create("http://127.0.0.1:" + port + path))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    @Test
    void servesThePageAndTheChatOnOnePort() throws Exception {
        assertThat(get("/")).contains("<title>jsocketio chat</title>");
        assertThat(get("/chat.js")).isNotEmpty();
        assertThat(get("/socket.io/socket.io.min.js")).isNotEmpty();
        try (NodeProcess node = NodeProcess.start("sio-client.js", "4")) {
            node.awaitEvent("ready", TIMEOUT);
            node.send(
                    command("connect")
                            .add("id", "ann")
                            .add("url", "http://127.0.0.1:" + port)
                            .add("auth", Json.createObjectBuilder().add("name", "ann"))
                            .build());
            node.awaitEvent("connect", "ann", TIMEOUT);
            node.send(
                    command("emit")
                            .add("id", "ann")
                            .add("event", "join")
                            .add("args", Json.createArrayBuilder().add("lobby"))
                            .add("ack", true)
                            .add("seq", 1)
                            .build());
            assertThat(
                            node.await(NodeProcess.event("ack", "ann"), TIMEOUT)
                                    .getJsonArray("args")
                                    .getJsonObject(0)
                                    .getString("room"))
                    .isEqualTo("lobby");
        }
    }
}
