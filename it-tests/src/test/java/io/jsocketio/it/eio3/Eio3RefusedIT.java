package io.jsocketio.it.eio3;

import static io.jsocketio.testkit.NodeJson.command;
import static org.assertj.core.api.Assertions.assertThat;

import io.jsocketio.Server;
import io.jsocketio.testkit.NodeProcess;
import jakarta.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** With {@code allowEIO3} off (the default) 2.x clients are refused as Node refuses them. */
class Eio3RefusedIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private Server io;
    private String url;

    @BeforeEach
    void start() {
        io = Eio3App.start(false);
        url = "http://127.0.0.1:" + Eio3App.port(io);
    }

    @AfterEach
    void stop() {
        io.close();
    }

    @Test
    void theHandshakeIsRefusedWith400AndCode5() throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> res =
                http.send(
                        HttpRequest.newBuilder(
                                        URI.create(url + "/socket.io/?EIO=3&transport=polling"))
                                .timeout(TIMEOUT)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(res.statusCode()).isEqualTo(400);
        assertThat(res.body())
                .isEqualTo("{\"code\":5,\"message\":\"Unsupported protocol version\"}");
    }

    @Test
    void aV2ClientGetsConnectErrorAndAV4ClientStillWorks() {
        try (NodeProcess v2 = NodeProcess.start("sio-client.js", "2");
                NodeProcess v4 = NodeProcess.start("sio-client.js", "4")) {
            v2.send(command("connect").add("id", "old").add("url", url).build());
            assertThat(v2.awaitEvent("connect_error", "old", TIMEOUT).getString("message"))
                    .isNotEmpty();

            v4.send(command("connect").add("id", "new").add("url", url).build());
            v4.awaitEvent("connect", "new", TIMEOUT);
            v4.send(
                    command("emit")
                            .add("id", "new")
                            .add("event", "echo")
                            .add("args", Json.createArrayBuilder().add("still fine"))
                            .add("ack", true)
                            .add("seq", 1)
                            .build());
            assertThat(v4.awaitEvent("ack", "new", TIMEOUT).getJsonArray("args").getString(0))
                    .isEqualTo("still fine");
            assertThat(v2.lines()).noneMatch(l -> l.getString("event").equals("connect"));
        }
    }
}
