package io.jsocketio.it.container;

import io.socket.client.IO;
import io.socket.client.Socket;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.net.http.WebSocketHandshakeException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.json.JSONObject;

/**
 * The Java socket.io-client against the secured WARs: sockets of {@code /me} sending extra headers
 * (credentials or a session cookie), and plain HTTP requests for what the container answers.
 * Closes what it opened.
 */
final class SecureClients implements AutoCloseable {
    static final long TIMEOUT_SECONDS = 20;

    private final URL base;
    private final List<Socket> sockets = new ArrayList<>();

    SecureClients(URL base) {
        this.base = base;
    }

    /** The {@code Authorization} header of BASIC login. */
    static Map<String, String> authorization(String user, String password) {
        String token =
                Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return Map.of("Authorization", "Basic " + token);
    }

    /** The {@code Authorization} header of BASIC login, as the client's extra headers. */
    static Map<String, List<String>> basic(String user, String password) {
        return Map.of(
                "Authorization", List.of(authorization(user, password).get("Authorization")));
    }

    /** A socket of {@code nsp} sending these headers with every request, not connected yet. */
    Socket socket(String nsp, Map<String, List<String>> headers, String... transports) {
        IO.Options options =
                IO.Options.builder()
                        .setPath(base.getPath() + "socket.io/")
                        .setTransports(transports)
                        .setExtraHeaders(headers)
                        .setReconnection(false)
                        .setForceNew(true)
                        .build();
        Socket s = IO.socket(URI.create(base.toExternalForm()).resolve(nsp), options);
        sockets.add(s);
        return s;
    }

    /** Connects a {@code /me} socket and returns what its {@code @OnConnect} method sent. */
    JSONObject whoami(Map<String, List<String>> headers, String... transports) throws Exception {
        Socket s = socket("/me", headers, transports);
        CompletableFuture<JSONObject> me = new CompletableFuture<>();
        s.on("whoami", args -> me.complete((JSONObject) args[0]));
        s.on(
                Socket.EVENT_CONNECT_ERROR,
                args -> me.completeExceptionally(new AssertionError("connect_error " + args[0])));
        s.connect();
        return me.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    /** A connected socket of {@code nsp}, once its {@code @OnConnect} method sent whoami. */
    Socket connected(String nsp, Map<String, List<String>> headers, String... transports)
            throws Exception {
        return connect(nsp, headers, transports).socket();
    }

    /** A connected socket and the argument of the whoami its {@code @OnConnect} method sent. */
    record Connected(Socket socket, Object whoami) {}

    /** Connects a socket of {@code nsp} and waits for the whoami of its {@code @OnConnect}. */
    Connected connect(String nsp, Map<String, List<String>> headers, String... transports)
            throws Exception {
        Socket s = socket(nsp, headers, transports);
        CompletableFuture<Object> me = new CompletableFuture<>();
        s.on("whoami", args -> me.complete(args[0]));
        s.on(
                Socket.EVENT_CONNECT_ERROR,
                args -> me.completeExceptionally(new AssertionError("connect_error " + args[0])));
        s.connect();
        return new Connected(s, me.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
    }

    /** Connects a socket and returns the first argument of its {@code connect_error}. */
    Object connectError(String nsp, Map<String, List<String>> headers, String... transports)
            throws Exception {
        Socket s = socket(nsp, headers, transports);
        CompletableFuture<Object> error = new CompletableFuture<>();
        s.on(Socket.EVENT_CONNECT_ERROR, args -> error.complete(args[0]));
        s.on(
                Socket.EVENT_CONNECT,
                args -> error.completeExceptionally(new AssertionError("connected")));
        s.connect();
        return error.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    /** Emits with an ack and returns the ack's first argument. */
    static Object ack(Socket s, String event, Object... args) throws Exception {
        CompletableFuture<Object> reply = new CompletableFuture<>();
        s.emit(event, args, response -> reply.complete(response[0]));
        return reply.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    /** A polling handshake without credentials, as a browser would send it. */
    HttpResponse<String> anonymousHandshake() throws Exception {
        return http().send(
                        HttpRequest.newBuilder(
                                        base.toURI().resolve("socket.io/?EIO=4&transport=polling"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    /** A WebSocket handshake of the JDK client with these headers; fails when refused. */
    CompletableFuture<java.net.http.WebSocket> webSocket(Map<String, String> headers)
            throws Exception {
        URI uri = base.toURI().resolve("socket.io/?EIO=4&transport=websocket");
        java.net.http.WebSocket.Builder builder = http().newWebSocketBuilder();
        headers.forEach(builder::header);
        return builder.buildAsync(
                        new URI("ws", null, uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(), null),
                        new java.net.http.WebSocket.Listener() {})
                .toCompletableFuture();
    }

    /** The HTTP status with which the container refused a WebSocket with these headers. */
    int refusedWebSocket(Map<String, String> headers) throws Exception {
        try {
            webSocket(headers).get(TIMEOUT_SECONDS, TimeUnit.SECONDS).abort();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw e;
        }
        throw new AssertionError("the WebSocket was accepted");
    }

    /** An HTTP client keeping its cookies, as a browser does; it follows no redirect. */
    static HttpClient browser(CookieManager cookies) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(TIMEOUT_SECONDS))
                .build();
    }

    /** The value of the last session cookie ({@code JSESSIONID}) the container set. */
    static String sessionCookie(CookieManager cookies) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue)
                .reduce((first, last) -> last)
                .orElseThrow(() -> new AssertionError("no session cookie"));
    }

    /**
     * A request of {@code browser} to the servlet of the session-scoped {@code Visits} bean: {@code
     * POST ?add=} adds an entry (creating the session), {@code GET} reads them, {@code DELETE}
     * invalidates the session.
     */
    HttpResponse<String> visits(HttpClient browser, String method, String query)
            throws Exception {
        return browser.send(
                HttpRequest.newBuilder(base.toURI().resolve("visits" + query))
                        .method(method, HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpClient http() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(TIMEOUT_SECONDS))
                .build();
    }

    @Override
    public void close() {
        sockets.forEach(Socket::close);
    }
}
