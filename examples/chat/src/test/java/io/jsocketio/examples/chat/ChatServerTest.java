package io.jsocketio.examples.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the embedded server serves over plain HTTP, besides the Socket.IO endpoint. */
class ChatServerTest {
    private final ChatServer server = ChatServer.start("127.0.0.1", 0);
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesThePageAtTheRootAndTheClientThroughServeClient() throws Exception {
        HttpResponse<String> page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("content-type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body())
                .contains("<title>jsocketio chat</title>", "/socket.io/socket.io.min.js");

        assertThat(get("/chat.js").statusCode()).isEqualTo(200);
        assertThat(get("/chat.css").statusCode()).isEqualTo(200);
        HttpResponse<String> client = get("/socket.io/socket.io.min.js");
        assertThat(client.statusCode()).isEqualTo(200);
        assertThat(client.body()).contains("io");
    }

    @Test
    void answers404ForAFileThatIsNotThereAndListsNoDirectory() throws Exception {
        assertThat(get("/nope.txt").statusCode()).isEqualTo(404);
        assertThat(get("/META-INF/").statusCode()).isEqualTo(404);
    }

    @Test
    void stillAnswersTheEngineHandshakeBelowSocketIo() throws Exception {
        HttpResponse<String> open = get("/socket.io/?EIO=4&transport=polling");
        assertThat(open.statusCode()).isEqualTo(200);
        assertThat(open.body()).startsWith("0{\"sid\":");
    }
}
