package io.jsocketio.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsocketio.ConnectError;
import io.jsocketio.Namespace;
import io.jsocketio.Socket;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Handshake, namespaces (static, regex, function) and middleware with the official npm
 * socket.io-client 4.8.x, over polling, WebSocket and the upgrade.
 */
class SocketIoConnectIT extends WithNodeClients {

    @ParameterizedTest
    @EnumSource(Transports.class)
    void connectGivesASocketIdDistinctFromTheEngineSidAndHandsTheAuthToTheServer(
            Transports transports) throws Exception {
        server = It.server();
        CompletableFuture<Socket> connected = new CompletableFuture<>();
        server.onConnection(
                socket -> {
                    socket.on("ping", (args, ack) -> ack.send("pong"));
                    connected.complete(socket);
                });
        String id = NodeSio.id("hs");

        clients.open(
                id,
                It.url(server),
                "/",
                transports,
                Json.createObjectBuilder().add("token", "abc").add("n", 7).build(),
                Json.createObjectBuilder().add("room", "blue").build(),
                true);
        JsonObject line = clients.process().awaitEvent("connect", id, It.TIMEOUT);
        if (transports.upgrades()) {
            clients.process().awaitEvent("upgrade", id, It.TIMEOUT);
        }

        Socket socket = It.get(connected);
        assertThat(line.getString("socketId")).isEqualTo(socket.id());
        assertThat(socket.id()).isNotEqualTo(socket.conn().id());
        assertThat(socket.handshake().auth().toString()).isEqualTo("{\"token\":\"abc\",\"n\":7}");
        assertThat(socket.handshake().query("EIO")).contains("4");
        assertThat(socket.handshake().query("room")).contains("blue");
        assertThat(socket.handshake().query("transport")).contains(transports.first());
        assertThat(socket.handshake().address()).isEqualTo("127.0.0.1");
        assertThat(socket.nsp().name()).isEqualTo("/");
        assertThat(socket.rooms()).containsExactly(socket.id());
        assertThat(socket.connected()).isTrue();
        // after a round trip the server has seen the client's upgrade too
        assertThat(clients.emitWithAck(id, "ping", NodeSio.args(), null).getJsonArray("args"))
                .hasToString("[\"pong\"]");
        assertThat(socket.conn().transport())
                .isEqualTo(transports.upgrades() ? "websocket" : transports.first());
    }

    @ParameterizedTest
    @EnumSource(Transports.class)
    void namespacesStaticRegexAndFunctionShareOneConnectionAndRefuseUnknownNames(
            Transports transports) throws Exception {
        server = It.server();
        Connections main = new Connections();
        Connections admin = new Connections();
        Connections regex = new Connections();
        Connections function = new Connections();
        server.onConnection(main);
        server.of("/admin").onConnection(admin);
        Namespace byPattern = server.of(Pattern.compile("^/room-\\d+$"));
        byPattern.onConnection(regex);
        Namespace byFunction =
                server.of(
                        (name, auth, result) ->
                                result.accept(
                                        name.startsWith("/team-")
                                                && "let-me-in"
                                                        .equals(auth.getString("key", null))));
        byFunction.onConnection(function);
        String url = It.url(server);
        String a = NodeSio.id("root");
        String b = NodeSio.id("admin");
        String c = NodeSio.id("regex");
        String d = NodeSio.id("function");
        String refusedRegex = NodeSio.id("regex-refused");
        String refusedFunction = NodeSio.id("function-refused");

        // the first socket opens the engine connection; the others multiplex over it
        clients.open(a, url, "/", transports, null, false);
        String rootId =
                clients.process().awaitEvent("connect", a, It.TIMEOUT).getString("socketId");
        clients.open(b, url, "/admin", transports, null, false);
        clients.open(c, url, "/room-42", transports, null, false);
        clients.open(
                d,
                url,
                "/team-blue",
                transports,
                Json.createObjectBuilder().add("key", "let-me-in").build(),
                false);
        clients.open(refusedRegex, url, "/room-x", transports, null, false);
        clients.open(
                refusedFunction,
                url,
                "/team-red",
                transports,
                Json.createObjectBuilder().add("key", "wrong").build(),
                false);

        Socket root = main.get(rootId);
        Socket adminSocket =
                admin.get(
                        clients.process()
                                .awaitEvent("connect", b, It.TIMEOUT)
                                .getString("socketId"));
        Socket regexSocket =
                regex.get(
                        clients.process()
                                .awaitEvent("connect", c, It.TIMEOUT)
                                .getString("socketId"));
        Socket functionSocket =
                function.get(
                        clients.process()
                                .awaitEvent("connect", d, It.TIMEOUT)
                                .getString("socketId"));
        assertThat(clients.connectError(refusedRegex).getString("message"))
                .isEqualTo("Invalid namespace");
        assertThat(clients.connectError(refusedFunction).getString("message"))
                .isEqualTo("Invalid namespace");

        assertThat(adminSocket.nsp().name()).isEqualTo("/admin");
        assertThat(regexSocket.nsp().name()).isEqualTo("/room-42");
        assertThat(functionSocket.nsp().name()).isEqualTo("/team-blue");
        assertThat(functionSocket.handshake().auth().getString("key")).isEqualTo("let-me-in");
        assertThat(
                        java.util.List.of(
                                adminSocket.conn().id(),
                                regexSocket.conn().id(),
                                functionSocket.conn().id()))
                .containsOnly(root.conn().id());
        assertThat(java.util.Set.of(root.id(), adminSocket.id(), regexSocket.id())).hasSize(3);
        assertThat(server.of("/room-42").sockets()).containsOnlyKeys(regexSocket.id());

        // an event emitted on one namespace reaches that namespace's socket only
        server.of("/room-42").emit("where", "room-42");
        server.of("/admin").emit("where", "admin");
        assertThat(clients.event(c).getJsonArray("args").getString(0)).isEqualTo("room-42");
        assertThat(clients.event(b).getJsonArray("args").getString(0)).isEqualTo("admin");
        assertThat(clients.eventsSoFar(a, "where")).isZero();
    }

    @ParameterizedTest
    @EnumSource(Transports.class)
    void middlewareRejectionBecomesConnectErrorWithMessageAndData(Transports transports)
            throws Exception {
        server = It.server();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("code", 401);
        data.put("hint", "send a token");
        server.use(
                (socket, next) -> {
                    if ("secret".equals(socket.handshake().auth().getString("token", null))) {
                        next.proceed();
                    } else {
                        next.fail(new ConnectError("not authorized", data));
                    }
                });
        server.of("/admin").use((socket, next) -> next.fail(new ConnectError("admins only")));
        CompletableFuture<Socket> connected = new CompletableFuture<>();
        server.onConnection(connected::complete);
        String refused = NodeSio.id("mw-refused");
        String admin = NodeSio.id("mw-admin");
        String allowed = NodeSio.id("mw-allowed");

        clients.open(
                refused,
                It.url(server),
                "/",
                transports,
                Json.createObjectBuilder().add("token", "guess").build(),
                true);
        JsonObject error = clients.connectError(refused);
        assertThat(error.getString("message")).isEqualTo("not authorized");
        assertThat(error.get("data").toString())
                .isEqualTo("{\"code\":401,\"hint\":\"send a token\"}");

        clients.open(admin, It.url(server), "/admin", transports, null, true);
        JsonObject adminError = clients.connectError(admin);
        assertThat(adminError.getString("message")).isEqualTo("admins only");
        assertThat(adminError.isNull("data")).isTrue();

        clients.connect(
                allowed,
                It.url(server),
                "/",
                transports,
                Json.createObjectBuilder().add("token", "secret").build());
        assertThat(It.get(connected).handshake().auth().getString("token")).isEqualTo("secret");
        assertThat(server.sockets().sockets()).hasSize(1);
    }
}
