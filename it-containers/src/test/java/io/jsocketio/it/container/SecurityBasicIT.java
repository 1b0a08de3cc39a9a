package io.jsocketio.it.container;

import static io.jsocketio.it.container.Deployments.ALICE;
import static io.jsocketio.it.container.Deployments.ALICE_PASSWORD;
import static io.jsocketio.it.container.Deployments.BOB;
import static io.jsocketio.it.container.Deployments.BOB_PASSWORD;
import static io.jsocketio.it.container.Deployments.CAROL;
import static io.jsocketio.it.container.Deployments.CAROL_PASSWORD;
import static io.jsocketio.it.container.SecureClients.TIMEOUT_SECONDS;
import static io.jsocketio.it.container.SecureClients.authorization;
import static io.jsocketio.it.container.SecureClients.basic;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.jsocketio.testkit.NodeProcess;
import io.socket.engineio.client.transports.Polling;
import io.socket.engineio.client.transports.WebSocket;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Socket.IO path behind a {@code <security-constraint>} with BASIC login: the container refuses
 * requests without credentials (polling and WebSocket), and a socket whose handshake carried them
 * sees its user and roles in {@code @OnConnect}; for the Java and the npm client, over every
 * transport. The WAR's {@code initial_headers}/{@code headers} listeners ({@code HeaderHooks}) and
 * its {@code cookie} option show on the polling and WebSocket handshakes.
 */
@ExtendWith(ArquillianExtension.class)
class SecurityBasicIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.secureWar("BASIC");
    }

    private static final Pattern SID = Pattern.compile("\"sid\":\"([^\"]+)\"");
    private static final String ALICE_AUTHORIZATION =
            authorization(ALICE, ALICE_PASSWORD).get("Authorization");

    @ArquillianResource URL base;

    private SecureClients clients;

    @BeforeEach
    void clients() {
        clients = new SecureClients(base);
    }

    @AfterEach
    void close() {
        clients.close();
    }

    @Test
    void theContainerRefusesPollingAndWebSocketWithoutCredentials() throws Exception {
        assertThat(clients.anonymousHandshake().statusCode()).isEqualTo(401);
        assertThat(clients.refusedWebSocket(Map.of())).isEqualTo(401);
        assertThat(clients.connectError("/me", basic(ALICE, "wrong"), WebSocket.NAME)).isNotNull();
    }

    @Test
    void aUserWithoutTheConstraintsRoleIsForbidden() throws Exception {
        assertThat(clients.refusedWebSocket(authorization(CAROL, CAROL_PASSWORD))).isEqualTo(403);
    }

    @ParameterizedTest
    @ValueSource(strings = {"polling", "websocket", "polling,websocket"})
    void principalAndRolesReachOnConnect(String transports) throws Exception {
        JSONObject alice = clients.whoami(basic(ALICE, ALICE_PASSWORD), transports.split(","));
        assertThat(alice.getString("user")).isEqualTo(ALICE);
        assertThat(alice.getBoolean("chat")).isTrue();
        assertThat(alice.getBoolean("admin")).isFalse();
        assertThat(alice.getString("session")).isEmpty(); // BASIC creates no HTTP session

        JSONObject bob = clients.whoami(basic(BOB, BOB_PASSWORD), transports.split(","));
        assertThat(bob.getString("user")).isEqualTo(BOB);
        assertThat(bob.getBoolean("chat")).isTrue();
        assertThat(bob.getBoolean("admin")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"polling", "websocket"})
    void withoutHttpSessionTheSessionContextIsNotActiveInHandlers(String transports)
            throws Exception {
        SecureClients.Connected alice =
                clients.connect("/visits", basic(ALICE, ALICE_PASSWORD), transports.split(","));

        assertThat(alice.whoami()).isEqualTo("no session");
        assertThat(SecureClients.ack(alice.socket(), "add", "socket")).isEqualTo("no session");
    }

    /**
     * A session the application created (BASIC login creates none) and then invalidated: the
     * socket keeps its user, its handlers no longer have a session context. Over polling: the
     * WebSocket spec (7.2) lets a container close the WebSocket of an authenticated session when
     * that session is invalidated, which would end the socket.
     */
    @Test
    void afterTheSessionIsInvalidatedTheSessionContextIsNoLongerActive() throws Exception {
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        HttpClient browser = SecureClients.browser(cookies);
        assertThat(clients.visits(browser, "POST", "?add=servlet").statusCode()).isEqualTo(204);
        // a protected page with credentials: the container authenticates in the session (Tomcat
        // gives it a new id then, against session fixation), which then carries the user
        HttpResponse<Void> nick =
                browser.send(
                        HttpRequest.newBuilder(base.toURI().resolve("nick?nick=Ally"))
                                .header("Authorization", ALICE_AUTHORIZATION)
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
        assertThat(nick.statusCode()).isEqualTo(204);
        Map<String, List<String>> headers =
                Map.of(
                        "Authorization", List.of(ALICE_AUTHORIZATION),
                        "Cookie", List.of("JSESSIONID=" + SecureClients.sessionCookie(cookies)));
        SecureClients.Connected alice = clients.connect("/visits", headers, Polling.NAME);
        assertThat(alice.whoami()).isEqualTo("servlet");
        assertThat(SecureClients.ack(alice.socket(), "add", "socket"))
                .isEqualTo("servlet,socket");

        assertThat(clients.visits(browser, "DELETE", "").statusCode()).isEqualTo(204);

        assertThat(SecureClients.ack(alice.socket(), "add", "late")).isEqualTo("no session");
        assertThat(alice.socket().connected()).isTrue();
    }

    @Test
    void aNamespaceBeanWithRolesAllowedRefusesOtherUsersWithForbidden() throws Exception {
        Object refused = clients.connectError("/mod", basic(ALICE, ALICE_PASSWORD), WebSocket.NAME);
        assertThat(((JSONObject) refused).getString("message")).isEqualTo("forbidden");

        io.socket.client.Socket bob =
                clients.connected("/mod", basic(BOB, BOB_PASSWORD), WebSocket.NAME);
        assertThat(bob.connected()).isTrue();
    }

    @Test
    void anEventWithRolesAllowedIsRefusedWithAForbiddenAck() throws Exception {
        io.socket.client.Socket alice =
                clients.connected("/me", basic(ALICE, ALICE_PASSWORD), WebSocket.NAME);
        assertThat(((JSONObject) SecureClients.ack(alice, "kick", "carol")).getString("message"))
                .isEqualTo("forbidden");

        io.socket.client.Socket bob =
                clients.connected("/me", basic(BOB, BOB_PASSWORD), WebSocket.NAME);
        assertThat(SecureClients.ack(bob, "kick", "carol")).isEqualTo("kicked carol");
    }

    @Test
    void anInvalidPayloadIsAnsweredWithItsViolations() throws Exception {
        io.socket.client.Socket alice =
                clients.connected("/me", basic(ALICE, ALICE_PASSWORD), Polling.NAME);
        JSONObject invalid =
                (JSONObject)
                        SecureClients.ack(
                                alice, "post", new JSONObject(Map.of("text", " ", "room", "lounge")));
        assertThat(invalid.getString("message")).isEqualTo("invalid");
        var violations = invalid.getJSONArray("violations");
        assertThat(violations.length()).isEqualTo(2);
        assertThat(violations.getJSONObject(0).getString("path")).isEqualTo("room");
        assertThat(violations.getJSONObject(0).getString("message"))
                .isEqualTo("size must be between 0 and 5");
        assertThat(violations.getJSONObject(1).getString("path")).isEqualTo("text");
        assertThat(violations.getJSONObject(1).getString("message")).isEqualTo("must not be blank");
        assertThat(
                        SecureClients.ack(
                                alice, "post", new JSONObject(Map.of("text", "hi", "room", "a"))))
                .isEqualTo("posted hi");
    }

    @Test
    void theNpmClientSendsCredentialsAsExtraHeaders() {
        try (NodeProcess node = NodeProcess.start("sio-client.js", "4")) {
            Duration timeout = Duration.ofSeconds(TIMEOUT_SECONDS);
            node.awaitEvent("ready", timeout);
            String origin = base.getProtocol() + "://" + base.getHost() + ":" + base.getPort();
            for (String transport : List.of("polling", "websocket")) {
                node.send(
                        Json.createObjectBuilder()
                                .add("cmd", "connect")
                                .add("id", transport)
                                .add("url", origin)
                                .add("nsp", "/me")
                                .add("path", base.getPath() + "socket.io/")
                                .add("transports", Json.createArrayBuilder().add(transport))
                                .add(
                                        "extraHeaders",
                                        Json.createObjectBuilder()
                                                .add(
                                                        "Authorization",
                                                        authorization(BOB, BOB_PASSWORD)
                                                                .get("Authorization")))
                                .build());
                JsonObject event = node.awaitEvent("event", transport, timeout);
                assertThat(event.getString("name")).isEqualTo("whoami");
                JsonObject me = event.getJsonArray("args").getJsonObject(0);
                assertThat(me.getString("user")).isEqualTo(BOB);
                assertThat(me.getBoolean("admin")).isTrue();
            }
        }
    }

    @Test
    void pollingHandshakeCarriesTheCookieAndBothHeaderHooksLaterAnswersOnlyTheHeadersHook()
            throws Exception {
        HttpResponse<String> handshake =
                SecureClients.http()
                        .send(
                                HttpRequest.newBuilder(
                                                base.toURI()
                                                        .resolve(
                                                                "socket.io/?EIO=4&transport=polling"))
                                        .header("Authorization", ALICE_AUTHORIZATION)
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
        String sid = sid(handshake.body());
        assertThat(handshake.headers().firstValue("Set-Cookie"))
                .hasValue("io=" + sid + "; Path=/; HttpOnly; SameSite=Lax");
        assertThat(handshake.headers().firstValue("X-Initial")).hasValue(ALICE);
        assertThat(handshake.headers().firstValue("X-Headers")).hasValue("GET");

        HttpResponse<String> post =
                SecureClients.http()
                        .send(
                                HttpRequest.newBuilder(
                                                base.toURI()
                                                        .resolve(
                                                                "socket.io/?EIO=4&transport=polling&sid="
                                                                        + sid))
                                        .header("Authorization", ALICE_AUTHORIZATION)
                                        .POST(HttpRequest.BodyPublishers.ofString("40/me,"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(200);
        assertThat(post.headers().firstValue("X-Headers")).hasValue("POST");
        assertThat(post.headers().firstValue("X-Initial")).isEmpty();
        assertThat(post.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void webSocketHandshakeCarriesTheCookieOfTheSessionItOpensAndBothHeaderHooks() throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()));
            socket.setSoTimeout(20_000);
            socket.getOutputStream()
                    .write(
                            ("GET "
                                            + base.getPath()
                                            + "socket.io/?EIO=4&transport=websocket HTTP/1.1\r\n"
                                            + "Host: "
                                            + base.getHost()
                                            + ":"
                                            + base.getPort()
                                            + "\r\n"
                                            + "Authorization: "
                                            + ALICE_AUTHORIZATION
                                            + "\r\n"
                                            + "Upgrade: websocket\r\n"
                                            + "Connection: Upgrade\r\n"
                                            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                                            + "Sec-WebSocket-Version: 13\r\n"
                                            + "\r\n")
                                    .getBytes(UTF_8));
            InputStream in = socket.getInputStream();
            String head = head(in);
            String open = firstTextFrame(in);

            assertThat(head).startsWith("HTTP/1.1 101");
            assertThat(head)
                    .containsIgnoringCase(
                            "Set-Cookie: io=" + sid(open) + "; Path=/; HttpOnly; SameSite=Lax\r\n");
            assertThat(head).containsIgnoringCase("X-Initial: " + ALICE + "\r\n");
            assertThat(head).containsIgnoringCase("X-Headers: GET\r\n");
        }
    }

    private static String sid(String openPacket) {
        Matcher m = SID.matcher(openPacket);
        assertThat(m.find()).as("an open packet: %s", openPacket).isTrue();
        return m.group(1);
    }

    /** The status line and headers, up to the empty line. */
    private static String head(InputStream in) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int state = 0; // how much of \r\n\r\n was seen
        while (state < 4) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            bytes.write(b);
            state = (b == '\r' && state % 2 == 0) || (b == '\n' && state % 2 == 1) ? state + 1 : 0;
        }
        return bytes.toString(UTF_8);
    }

    /** The payload of the first frame, a short unmasked text frame from the server. */
    private static String firstTextFrame(InputStream in) throws Exception {
        int opcode = in.read() & 0x0F;
        int length = in.read() & 0x7F;
        assertThat(opcode).isEqualTo(1);
        assertThat(length).isLessThan(126);
        return new String(in.readNBytes(length), UTF_8);
    }
}
