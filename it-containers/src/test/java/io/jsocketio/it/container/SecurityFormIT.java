package io.jsocketio.it.container;

import static io.jsocketio.it.container.Deployments.ALICE;
import static io.jsocketio.it.container.Deployments.ALICE_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import io.socket.engineio.client.transports.Polling;
import io.socket.engineio.client.transports.WebSocket;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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
 * The Socket.IO path behind a {@code <security-constraint>} with FORM login: a client that logged
 * in through {@code j_security_check} connects with its session cookie, and the socket sees the
 * user, the roles, the HTTP session's id and an attribute the application stored in it.
 */
@ExtendWith(ArquillianExtension.class)
class SecurityFormIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.secureWar("FORM");
    }

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
    void theContainerAnswersWithoutASessionAndTheClientCannotConnect() throws Exception {
        HttpResponse<String> handshake = clients.anonymousHandshake();
        assertThat(handshake.body()).doesNotStartWith("0{");
        assertThat(clients.connectError("/me", Map.of(), Polling.NAME)).isNotNull();
        assertThat(clients.connectError("/me", Map.of(), WebSocket.NAME)).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"polling", "websocket", "polling,websocket"})
    void theSessionCookieCarriesTheUserAndTheSessionToTheSocket(String transports)
            throws Exception {
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        HttpClient browser = login(cookies, ALICE, ALICE_PASSWORD);
        HttpResponse<String> nick =
                browser.send(
                        HttpRequest.newBuilder(base.toURI().resolve("nick?nick=Ally"))
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(nick.statusCode()).isEqualTo(204);
        String sessionCookie = SecureClients.sessionCookie(cookies);

        JSONObject me =
                clients.whoami(
                        Map.of("Cookie", List.of("JSESSIONID=" + sessionCookie)),
                        transports.split(","));

        assertThat(me.getString("user")).isEqualTo(ALICE);
        assertThat(me.getBoolean("chat")).isTrue();
        assertThat(me.getBoolean("admin")).isFalse();
        // Jetty's cookie adds the node name to the session id (".node0")
        assertThat(me.getString("session")).isNotEmpty();
        assertThat(sessionCookie).startsWith(me.getString("session"));
        assertThat(me.getString("nick")).isEqualTo("Ally");
        assertThat(me.getString("cookies")).contains("JSESSIONID");
    }

    @ParameterizedTest
    @ValueSource(strings = {"polling", "websocket", "polling,websocket"})
    void handlersAndServletsShareTheSessionScopedBeansOfTheSession(String transports)
            throws Exception {
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        HttpClient browser = login(cookies, ALICE, ALICE_PASSWORD);
        assertThat(clients.visits(browser, "POST", "?add=servlet").statusCode()).isEqualTo(204);
        SecureClients.Connected alice =
                clients.connect("/visits", cookie(cookies), transports.split(","));
        assertThat(alice.whoami()).isEqualTo("servlet");
        assertThat(SecureClients.ack(alice.socket(), "add", "socket"))
                .isEqualTo("servlet,socket");
        assertThat(clients.visits(browser, "GET", "").body()).isEqualTo("servlet,socket");

        assertThat(clients.visits(browser, "POST", "?add=servlet-again").statusCode())
                .isEqualTo(204);
        assertThat(SecureClients.ack(alice.socket(), "add", "socket-again"))
                .isEqualTo("servlet,socket,servlet-again,socket-again");

        // another login, another session: its own instance
        CookieManager others = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        login(others, ALICE, ALICE_PASSWORD);
        SecureClients.Connected other =
                clients.connect("/visits", cookie(others), transports.split(","));
        assertThat(other.whoami()).isEqualTo("");
    }

    @Test
    void aHandlerRunFromTheRequestOfAnotherSessionSeesTheSessionOfItsSocket() throws Exception {
        CookieManager mine = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        HttpClient me = login(mine, ALICE, ALICE_PASSWORD);
        assertThat(clients.visits(me, "POST", "?add=mine").statusCode()).isEqualTo(204);
        CookieManager theirs = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        HttpClient them = login(theirs, ALICE, ALICE_PASSWORD);
        assertThat(clients.visits(them, "POST", "?add=theirs").statusCode()).isEqualTo(204);
        SecureClients.Connected alice = clients.connect("/visits", cookie(mine), WebSocket.NAME);
        SecureClients.Connected observer =
                clients.connect("/visits", cookie(theirs), WebSocket.NAME);
        assertThat(observer.whoami()).isEqualTo("theirs");
        CompletableFuture<Object> left = new CompletableFuture<>();
        observer.socket().on("left", args -> left.complete(args[0]));

        // their servlet request disconnects my socket: my socket's handler sees my session
        assertThat(
                        clients.visits(them, "POST", "?disconnect=" + alice.socket().id())
                                .statusCode())
                .isEqualTo(204);

        assertThat(left.get(SecureClients.TIMEOUT_SECONDS, TimeUnit.SECONDS)).isEqualTo("mine");
    }

    /** The session cookie of a login, as the client's extra headers. */
    private static Map<String, List<String>> cookie(CookieManager cookies) {
        return Map.of("Cookie", List.of("JSESSIONID=" + SecureClients.sessionCookie(cookies)));
    }

    /** Logs in through the container's FORM login, as a browser does; returns the client. */
    private HttpClient login(CookieManager cookies, String user, String password)
            throws Exception {
        HttpClient browser = SecureClients.browser(cookies);
        // a protected page first: the container remembers it and shows the login page. One that
        // is never asked again: on the next request to its path (whatever the query), Tomcat
        // replays the remembered request, headers and all
        browser.send(
                HttpRequest.newBuilder(base.toURI().resolve("socket.io/login")).build(),
                HttpResponse.BodyHandlers.discarding());
        HttpResponse<String> login =
                browser.send(
                        HttpRequest.newBuilder(base.toURI().resolve("j_security_check"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(
                                        HttpRequest.BodyPublishers.ofString(
                                                "j_username=" + user + "&j_password=" + password))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as("login answer %s", login.body()).isIn(302, 303);
        return browser;
    }
}
