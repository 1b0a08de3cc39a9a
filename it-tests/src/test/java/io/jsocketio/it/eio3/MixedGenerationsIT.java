package io.jsocketio.it.eio3;

import static io.jsocketio.testkit.NodeJson.command;
import static org.assertj.core.api.Assertions.assertThat;

import io.jsocketio.Server;
import io.jsocketio.testkit.NodeJson;
import io.jsocketio.testkit.NodeProcess;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A 2.x and a 4.x client in one room of one server receive the same broadcasts. */
class MixedGenerationsIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private Server io;
    private String url;

    @BeforeEach
    void start() {
        io = Eio3App.start(true);
        url = "http://127.0.0.1:" + Eio3App.port(io);
    }

    @AfterEach
    void stop() {
        io.close();
    }

    private void joinRoom(NodeProcess client, String id) {
        client.send(command("connect").add("id", id).add("url", url).build());
        client.awaitEvent("connect", id, TIMEOUT);
        client.send(
                command("emit")
                        .add("id", id)
                        .add("event", "join")
                        .add("args", Json.createArrayBuilder().add("mixed"))
                        .build());
        client.send(
                command("emit")
                        .add("id", id)
                        .add("event", "echo")
                        .add("args", Json.createArrayBuilder().add("joined"))
                        .add("ack", true)
                        .add("seq", 1)
                        .build());
        client.awaitEvent("ack", id, TIMEOUT);
    }

    @Test
    void aBroadcastToAMixedRoomReachesBothGenerations() {
        try (NodeProcess v2 = NodeProcess.start("sio-client.js", "2");
                NodeProcess v4 = NodeProcess.start("sio-client.js", "4")) {
            joinRoom(v2, "old");
            joinRoom(v4, "new");
            byte[] bytes = {9, 8, 7};

            io.to("mixed")
                    .emit("news", "text €", 7, Json.createObjectBuilder().add("k", "v").build());
            io.to("mixed").emit("blob", (Object) bytes);

            for (NodeProcess c : new NodeProcess[] {v2, v4}) {
                JsonObject news = c.awaitEvent("event", TIMEOUT);
                assertThat(news.getString("name")).isEqualTo("news");
                assertThat(news.getJsonArray("args").toString())
                        .isEqualTo("[\"text €\",7,{\"k\":\"v\"}]");
                JsonObject blob = c.awaitEvent("event", TIMEOUT);
                assertThat(blob.getString("name")).isEqualTo("blob");
                assertThat(NodeJson.bytes(blob.getJsonArray("args").get(0))).containsExactly(bytes);
            }

            // a client of either generation can address the room
            v2.send(
                    command("emit")
                            .add("id", "old")
                            .add("event", "bcast")
                            .add("args", Json.createArrayBuilder().add("mixed").add("from v2"))
                            .build());
            for (NodeProcess c : new NodeProcess[] {v2, v4}) {
                JsonObject b = c.awaitEvent("event", TIMEOUT);
                assertThat(b.getString("name")).isEqualTo("bcast");
                assertThat(b.getJsonArray("args").getString(0)).isEqualTo("from v2");
            }
        }
    }
}
