package io.jsocketio.it.container;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsocketio.testkit.NodeProcess;
import jakarta.json.Json;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Stopping the application (undeploying its WAR: the container stops its context, as at a
 * container shutdown) with live sessions of the npm socket.io-client 4.8.4 over polling and
 * WebSocket: every client sees its disconnect at once, well before the heartbeat would tell it
 * (25 s + 20 s by default), and the undeploy returns. The same class runs on every container.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UndeployIT {
    private static final String LIVE = "live";
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    /** Far below pingInterval + pingTimeout (45 s): only a clean close tells a client this soon. */
    private static final Duration AT_ONCE = Duration.ofSeconds(10);

    /** The application the test starts and stops. */
    @Deployment(name = LIVE, managed = false, testable = false)
    static WebArchive live() {
        return Deployments.war(LIVE + ".war");
    }

    @ArquillianResource Deployer deployer;

    private NodeProcess node;
    private static boolean deployed;

    @BeforeEach
    void startClient() {
        node = NodeProcess.start("sio-client.js", "4");
        node.awaitEvent("ready", TIMEOUT);
    }

    @AfterEach
    void stopClient() {
        node.close();
    }

    private void connect(URL live, String id, String transport) {
        String origin = live.getProtocol() + "://" + live.getHost() + ":" + live.getPort();
        node.send(
                Json.createObjectBuilder()
                        .add("cmd", "connect")
                        .add("id", id)
                        .add("url", origin)
                        .add("nsp", "/chat")
                        .add("path", live.getPath() + "socket.io/")
                        .add("transports", Json.createArrayBuilder().add(transport))
                        .add("auth", Json.createObjectBuilder().add("token", "secret"))
                        .build());
        node.awaitEvent("connect", id, TIMEOUT);
    }

    /**
     * Waits until the deployed application answers a handshake: a container may return from the
     * deployment a moment before it routes requests to the new context (Jetty answers 404 then).
     */
    private static void awaitServing(URL live) throws Exception {
        URI handshake =
                URI.create(live.toExternalForm()).resolve("socket.io/?EIO=4&transport=polling");
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        int status;
        do {
            status = http.send(HttpRequest.newBuilder(handshake).build(), BodyHandlers.discarding())
                    .statusCode();
            if (status == 200) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(50);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("the deployed application answers " + status + " at " + handshake);
    }

    /** Starts the application; its URL (a context path of the container's choosing) is then known. */
    @Test
    @Order(1)
    void theApplicationStarts() {
        deployer.deploy(LIVE);
        deployed = true;
    }

    @Test
    @Order(2)
    void undeployingEndsLivePollingAndWebSocketSessionsAtOnce(
            @ArquillianResource @OperateOnDeployment(LIVE) URL live) throws Exception {
        assertThat(deployed).as("deployed by the first test").isTrue();
        awaitServing(live);
        connect(live, "p", "polling");
        connect(live, "w", "websocket");

        deployer.undeploy(LIVE);
        deployed = false;

        assertThat(node.awaitEvent("disconnect", "w", AT_ONCE).getString("reason"))
                .isEqualTo("transport close");
        // a GET parked at the stop gets the close packet; one on its way meets a stopped context
        assertThat(node.awaitEvent("disconnect", "p", AT_ONCE).getString("reason"))
                .isIn("transport close", "transport error");
    }
}
