package io.jsocketio.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.jsocketio.ConnectionStateRecovery;
import io.jsocketio.Namespace;
import io.jsocketio.Server;
import io.jsocketio.Socket;
import io.jsocketio.spring.app.ChatApplication;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.servlet.ServletContext;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The starter on the application's own embedded container and port, with the npm client: the three
 * transports, properties, annotated beans, Spring Security's principal, health, metrics, connection
 * state recovery. The build runs it on Boot 3.5 and Boot 4.0, each with Tomcat and with Jetty (the
 * system property {@code jsocketio.test.container} names the one expected).
 */
@SpringBootTest(
        classes = ChatApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "server.address=127.0.0.1",
            "jsocketio.heartbeat.ping-interval=7s",
            "jsocketio.connect-timeout=9s",
            "jsocketio.limits.max-http-buffer-size=64KB",
            "jsocketio.connection-state-recovery.enabled=true",
            "jsocketio.connection-state-recovery.max-disconnection-duration=30s",
            "jsocketio.connection-state-recovery.skip-middlewares=false",
            "management.endpoint.health.show-details=always",
            "management.endpoints.web.exposure.include=health,metrics"
        })
class SocketIoAutoConfigurationTest {
    private static NodeClients clients;

    @Value("${local.server.port}")
    int port;

    @Autowired Server server;

    @Autowired ServletContext servletContext;

    @BeforeAll
    static void startClients() {
        clients = new NodeClients();
    }

    @AfterAll
    static void stopClients() {
        clients.close();
    }

    private String url() {
        return "http://127.0.0.1:" + port;
    }

    private void chatsOver(String id, JsonArray transports, boolean upgrades) {
        clients.open(id, url(), "/chat", transports, null);
        String connectedOver = clients.awaitEvent("connect", id).getString("transport");
        if (!upgrades) {
            assertThat(connectedOver).isEqualTo(transports.getString(0));
        } else {
            // the probe may even finish before the CONNECT reply arrives
            assertThat(clients.awaitEvent("upgrade", id).getString("transport"))
                    .isEqualTo("websocket");
        }
        assertThat(clients.awaitEvent("event", id).getJsonArray("args").getString(0))
                .startsWith("hi ");
        JsonArray ack =
                clients.emitWithAck(
                        id,
                        "message",
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder().add("user", "ann").add("text", id))
                                .build());
        assertThat(ack.getString(0)).isEqualTo("ann: " + id);
        clients.disconnect(id);
        clients.awaitEvent("disconnect", id);
    }

    @Test
    void runsOnTheExpectedContainer() {
        assertThat(servletContext.getServerInfo())
                .containsIgnoringCase(System.getProperty("jsocketio.test.container", ""));
    }

    @Test
    void annotatedBeansAnswerOverPolling() {
        chatsOver("polling", NodeClients.POLLING, false);
    }

    @Test
    void annotatedBeansAnswerOverWebSocket() {
        chatsOver("websocket", NodeClients.WEBSOCKET, false);
    }

    @Test
    void annotatedBeansAnswerAfterAnUpgrade() {
        chatsOver("upgrade", NodeClients.UPGRADE, true);
    }

    private static HttpClient http(CookieManager cookies) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(cookies)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    private String get(String path) throws Exception {
        HttpResponse<String> response =
                http(new CookieManager())
                        .send(
                                HttpRequest.newBuilder(URI.create(url() + path)).build(),
                                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    @Test
    void propertiesAreApplied() throws Exception {
        assertThat(server.connectTimeout()).isEqualTo(Duration.ofSeconds(9));
        assertThat(server.engine().options().maxHttpBufferSize()).isEqualTo(64 * 1024);
        assertThat(get("/socket.io/?EIO=4&transport=polling"))
                .startsWith("0{")
                .contains("\"pingInterval\":7000", "\"maxPayload\":65536");
        assertThat(get("/socket.io/socket.io.min.js")).contains("io");
        assertThat(server.options().connectionStateRecovery())
                .isEqualTo(new ConnectionStateRecovery(Duration.ofSeconds(30), false));
    }

    /**
     * A client that loses its connection and reconnects gets its socket back: the same id, and the
     * broadcasts sent while it was away, in order, before anything newer.
     */
    @Test
    void aDroppedClientRecoversItsSocketAndTheMissedBroadcasts() {
        Namespace nsp = server.of("/recovery");
        BlockingQueue<Socket> sockets = new LinkedBlockingQueue<>();
        nsp.onConnection(
                socket -> {
                    sockets.add(socket);
                    socket.onDisconnect(
                            (reason, description) -> {
                                if (!socket.recovered()) {
                                    for (int i = 0; i < 10; i++) {
                                        nsp.emit("missed", i);
                                    }
                                }
                            });
                });
        clients.openReconnecting("recovering", url(), "/recovery", NodeClients.WEBSOCKET);
        JsonObject first = clients.awaitEvent("connect", "recovering");
        assertThat(first.getBoolean("recovered")).isFalse();
        nsp.emit("hello"); // the client's first offset
        assertThat(clients.awaitEvent("event", "recovering").getString("name")).isEqualTo("hello");

        clients.closeTransport("recovering");
        clients.awaitEvent("disconnect", "recovering");
        JsonObject again = clients.awaitEvent("connect", "recovering");

        assertThat(again.getBoolean("recovered")).isTrue();
        assertThat(again.getString("socketId")).isEqualTo(first.getString("socketId"));
        nsp.emit("newer");
        for (int i = 0; i < 10; i++) {
            JsonObject missed = clients.awaitEvent("event", "recovering");
            assertThat(missed.getString("name")).isEqualTo("missed");
            assertThat(missed.getJsonArray("args").getInt(0)).isEqualTo(i);
        }
        assertThat(clients.awaitEvent("event", "recovering").getString("name")).isEqualTo("newer");
        assertThat(sockets).hasSize(2).allMatch(s -> s.id().equals(first.getString("socketId")));
        clients.disconnect("recovering");
    }

    /** The count of the meter {@code name} with {@code tag}, 0 when it does not exist yet. */
    private double meter(String name, String tag) throws Exception {
        HttpResponse<String> response =
                http(new CookieManager())
                        .send(
                                HttpRequest.newBuilder(
                                                URI.create(
                                                        url()
                                                                + "/actuator/metrics/"
                                                                + name
                                                                + "?tag="
                                                                + tag))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 404) {
            return 0;
        }
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.createReader(new java.io.StringReader(response.body()))
                .readObject()
                .getJsonArray("measurements")
                .getJsonObject(0)
                .getJsonNumber("value")
                .doubleValue();
    }

    @Test
    void socketIoMetersAreInTheApplicationsRegistry() throws Exception {
        double before = meter("socketio.connects", "namespace:/chat");
        clients.open("metered", url(), "/chat", NodeClients.WEBSOCKET, null);
        clients.awaitEvent("connect", "metered");
        await().atMost(NodeClients.TIMEOUT)
                .untilAsserted(
                        () ->
                                assertThat(meter("socketio.connects", "namespace:/chat"))
                                        .isEqualTo(before + 1));
        assertThat(meter("socketio.engine.sessions", "transport:websocket"))
                .isGreaterThanOrEqualTo(1);
        clients.disconnect("metered");
        clients.awaitEvent("disconnect", "metered");
    }

    @Test
    void healthIndicatorReportsTheServer() throws Exception {
        jakarta.json.JsonObject health =
                Json.createReader(new java.io.StringReader(get("/actuator/health")))
                        .readObject()
                        .getJsonObject("components")
                        .getJsonObject("jsocketio");
        assertThat(health.getString("status")).isEqualTo("UP");
        assertThat(health.getJsonObject("details").getString("path")).isEqualTo("/socket.io/");
    }

    /** Form login with the CSRF token of the login page; the session cookie it leaves. */
    private String login() throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient http = http(cookies);
        String page =
                http.send(
                                HttpRequest.newBuilder(URI.create(url() + "/login")).build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).as("csrf token in %s", page).isTrue();
        HttpResponse<String> posted =
                http.send(
                        HttpRequest.newBuilder(URI.create(url() + "/login"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(
                                        HttpRequest.BodyPublishers.ofString(
                                                "username=ann&password=secret&_csrf="
                                                        + csrf.group(1)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).isEqualTo(302);
        assertThat(posted.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        HttpCookie session =
                cookies.getCookieStore().getCookies().stream()
                        .filter(c -> c.getName().equals("JSESSIONID"))
                        .findFirst()
                        .orElseThrow();
        return "JSESSIONID=" + session.getValue();
    }

    @Test
    void securedNamespaceRefusesAnonymousSockets() {
        clients.open("anonymous", url(), "/secure", NodeClients.UPGRADE, null);
        assertThat(clients.awaitEvent("connect_error", "anonymous").getString("message"))
                .isEqualTo("unauthorized");
    }

    @Test
    void securedNamespaceSeesTheLoggedInUserOverEachTransport() throws Exception {
        String cookie = login();
        for (JsonArray transports :
                new JsonArray[] {NodeClients.POLLING, NodeClients.WEBSOCKET, NodeClients.UPGRADE}) {
            String id = "ann-" + transports.size() + transports.getString(0);
            clients.open(id, url(), "/secure", transports, cookie);
            clients.awaitEvent("connect", id);
            assertThat(clients.emitWithAck(id, "whoami", JsonArray.EMPTY_JSON_ARRAY).getString(0))
                    .isEqualTo("ann");
            clients.disconnect(id);
            clients.awaitEvent("disconnect", id);
        }
    }
}
