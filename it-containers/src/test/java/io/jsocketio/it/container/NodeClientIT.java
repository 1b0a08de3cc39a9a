package io.jsocketio.it.container;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsocketio.testkit.NodeProcess;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The same WAR as {@link ChatIT}, reached by the npm socket.io-client 4.8.4 (through the testkit)
 * over polling, WebSocket, and polling upgraded to WebSocket.
 */
@ExtendWith(ArquillianExtension.class)
class NodeClientIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @ArquillianResource URL base;

    private NodeProcess node;

    @BeforeEach
    void startClient() {
        node = NodeProcess.start("sio-client.js", "4");
        node.awaitEvent("ready", TIMEOUT);
    }

    @AfterEach
    void stopClient() {
        node.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"polling", "websocket", "polling,websocket"})
    void npmClientConnectsAndGetsAcksFromTheNamespaceBean(String transports) {
        var list = Json.createArrayBuilder();
        for (String t : transports.split(",")) {
            list.add(t);
        }
        String origin = base.getProtocol() + "://" + base.getHost() + ":" + base.getPort();
        node.send(
                Json.createObjectBuilder()
                        .add("cmd", "connect")
                        .add("id", "a")
                        .add("url", origin)
                        .add("nsp", "/chat")
                        .add("path", base.getPath() + "socket.io/")
                        .add("transports", list)
                        .add("auth", Json.createObjectBuilder().add("token", "secret"))
                        .build());
        node.awaitEvent("connect", "a", TIMEOUT);
        node.send(
                Json.createObjectBuilder()
                        .add("cmd", "emit")
                        .add("id", "a")
                        .add("event", "sum")
                        .add("args", Json.createArrayBuilder().add(Json.createObjectBuilder().add("a", 1).add("b", 2)))
                        .add("ack", true)
                        .add("seq", 1)
                        .build());
        JsonObject ack = node.awaitEvent("ack", "a", TIMEOUT);
        assertThat(ack.getJsonArray("args").getInt(0)).isEqualTo(3);

        // the server reports the session's transport; with an upgrade, ask until it is done
        String expected = transports.endsWith("websocket") ? "websocket" : "polling";
        String transport = "";
        for (int seq = 2; seq < 50 && !transport.equals(expected); seq++) {
            node.send(
                    Json.createObjectBuilder()
                            .add("cmd", "emit")
                            .add("id", "a")
                            .add("event", "transport")
                            .add("ack", true)
                            .add("seq", seq)
                            .build());
            transport = node.awaitEvent("ack", "a", TIMEOUT).getJsonArray("args").getString(0);
        }
        assertThat(transport).isEqualTo(expected);
    }
}
