package io.jsocketio.it.container;

import static org.assertj.core.api.Assertions.assertThat;

import io.socket.client.IO;
import io.socket.client.Socket;
import io.socket.engineio.client.transports.Polling;
import io.socket.engineio.client.transports.WebSocket;
import java.net.URI;
import java.net.URL;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A WAR without CDI: web.xml registration, and the Server taken from the ServletContext. */
@ExtendWith(ArquillianExtension.class)
class PlainWarIT {
    private static final long TIMEOUT_SECONDS = 20;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.plainWar();
    }

    @ArquillianResource URL base;

    private Socket socket;

    @AfterEach
    void closeClient() {
        if (socket != null) {
            socket.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {Polling.NAME, WebSocket.NAME})
    void namespaceWiredOnTheServletContextServerAnswers(String transport) throws Exception {
        IO.Options options =
                IO.Options.builder()
                        .setPath(base.getPath() + "socket.io/")
                        .setTransports(new String[] {transport})
                        .setReconnection(false)
                        .setForceNew(true)
                        .build();
        socket = IO.socket(URI.create(base.toExternalForm()).resolve("/plain"), options);
        CompletableFuture<Void> connected = new CompletableFuture<>();
        socket.once(Socket.EVENT_CONNECT, args -> connected.complete(null));
        socket.once(
                Socket.EVENT_CONNECT_ERROR,
                args -> connected.completeExceptionally(new AssertionError(args[0])));
        socket.connect();
        connected.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        CompletableFuture<Object> reply = new CompletableFuture<>();
        socket.emit("echo", new Object[] {"plain"}, args -> reply.complete(args[0]));
        assertThat(reply.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isEqualTo("plain");
    }
}
