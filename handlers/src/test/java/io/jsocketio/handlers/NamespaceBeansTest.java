package io.jsocketio.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsocketio.Ack;
import io.jsocketio.DisconnectReason;
import io.jsocketio.Middleware;
import io.jsocketio.Next;
import io.jsocketio.Server;
import io.jsocketio.ServerOptions;
import io.jsocketio.Socket;
import io.jsocketio.engine.testing.FakeEngineRequest;
import io.jsocketio.testing.FakeEngineSocket;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The shared binding without any container: beans are plain instances. */
class NamespaceBeansTest {
    private static final AtomicInteger SIDS = new AtomicInteger();
    private static final List<String> CALLS = new CopyOnWriteArrayList<>();

    private final Server io = new Server(ServerOptions.defaults());

    @AfterEach
    void close() {
        io.close();
        CALLS.clear();
    }

    public record Message(String user, String text) {}

    @Namespace("/chat")
    static class Chat {
        @OnConnect
        void connected(Socket socket) {
            CALLS.add("connect " + socket.nsp().name());
        }

        @OnEvent("message")
        String message(Message message, int count) {
            return message.user() + ":" + message.text() + " x" + count;
        }

        @OnEvent("later")
        CompletionStage<String> later(String text) {
            return CompletableFuture.completedFuture(text + "!");
        }

        @OnEvent("ack")
        void explicit(Ack ack, String text) {
            ack.send("explicit " + text);
        }

        @OnEvent("fail")
        String fail() {
            throw new IllegalStateException("boom");
        }

        @OnDisconnect
        void disconnected(DisconnectReason reason) {
            CALLS.add("disconnect " + reason.wire());
        }
    }

    @Namespace("/chat")
    static class Guard implements Middleware {
        @Override
        public void handle(Socket socket, Next next) {
            CALLS.add("guard");
            if (socket.handshake().auth().containsKey("token")) {
                next.proceed();
            } else {
                next.fail(new io.jsocketio.ConnectError("no token"));
            }
        }
    }

    /** A bean whose container wraps every call (as Spring sets the security context). */
    record Plain(Object instance) implements HandlerBean {
        @Override
        public Class<?> type() {
            return instance.getClass();
        }

        @Override
        public void call(Socket socket, Consumer<Object> action) {
            CALLS.add("enter " + instance.getClass().getSimpleName());
            action.accept(instance);
        }
    }

    private FakeEngineSocket connect(String packet) {
        FakeEngineSocket conn =
                new FakeEngineSocket(
                        "engine-" + SIDS.incrementAndGet(),
                        FakeEngineRequest.get("/socket.io/?EIO=4&transport=websocket"),
                        4);
        conn.handTo(io);
        conn.receive(packet);
        return conn;
    }

    private void bind(Object... instances) {
        NamespaceBeans.Builder builder = NamespaceBeans.builder();
        for (Object instance : instances) {
            builder.add(new Plain(instance));
        }
        assertThat(builder.errors()).isEmpty();
        builder.build().bind(io);
    }

    @Test
    void handlersRunThroughTheContainersCallAndReturnValuesAreAcks() {
        bind(new Chat(), new Guard());
        FakeEngineSocket conn = connect("0/chat,{\"token\":\"t\"}");
        assertThat(CALLS).containsExactly("enter Guard", "guard", "enter Chat", "connect /chat");
        conn.receive("2/chat,1[\"message\",{\"user\":\"ann\",\"text\":\"hi\"},3]");
        conn.receive("2/chat,2[\"later\",\"soon\"]");
        conn.receive("2/chat,3[\"ack\",\"x\"]");
        conn.receive("2/chat,4[\"fail\"]");
        conn.receive("2/chat,5[\"later\",\"after a failure\"]");
        assertThat(conn.texts())
                .containsSubsequence(
                        "3/chat,1[\"ann:hi x3\"]",
                        "3/chat,2[\"soon!\"]",
                        "3/chat,3[\"explicit x\"]",
                        "3/chat,5[\"after a failure!\"]")
                .noneMatch(t -> t.startsWith("3/chat,4"));
        conn.receive("1/chat,");
        assertThat(CALLS).endsWith("disconnect client namespace disconnect");
    }

    @Test
    void middlewareBeanRefusesTheConnection() {
        bind(new Chat(), new Guard());
        FakeEngineSocket conn = connect("0/chat,");
        assertThat(conn.texts()).contains("4/chat,{\"message\":\"no token\"}");
        assertThat(CALLS).containsExactly("enter Guard", "guard");
    }

    @Retention(RetentionPolicy.RUNTIME)
    @interface Room {
        String value() default "";

        String pattern() default "";
    }

    @Retention(RetentionPolicy.RUNTIME)
    @interface Joined {}

    @Retention(RetentionPolicy.RUNTIME)
    @interface Said {
        String value();
    }

    @Retention(RetentionPolicy.RUNTIME)
    @interface Left {}

    @Room(pattern = "/room-\\d+")
    static class Rooms {
        @Said("name")
        String name(Socket socket) {
            return socket.nsp().name();
        }
    }

    @Test
    void anotherSpellingOfTheAnnotationsBindsTheSame() {
        NamespaceBeans.Builder builder =
                NamespaceBeans.builder(
                        HandlerAnnotations.of(Room.class, Joined.class, Said.class, Left.class),
                        HandlerAnnotations.STANDARD);
        builder.add(new Plain(new Rooms())).add(new Plain(new Chat()));
        assertThat(builder.errors()).isEmpty();
        builder.build().bind(io);
        FakeEngineSocket conn = connect("0/room-7,");
        conn.receive("2/room-7,1[\"name\"]");
        assertThat(conn.texts()).contains("3/room-7,1[\"/room-7\"]");
    }

    @Namespace("/bad")
    static class Bad {
        @OnConnect
        String connect(Socket socket, Ack ack) {
            return "";
        }

        @OnEvent("x")
        void x(Runnable task) {}
    }

    static class Orphan {
        @OnEvent("x")
        void x() {}
    }

    @Namespace("/chat")
    static class SecondChat {
        @OnEvent("y")
        void y() {}
    }

    @Test
    void problemsNameTheMethodOrClass() {
        NamespaceBeans.Builder builder = NamespaceBeans.builder();
        builder.add(new Plain(new Bad()))
                .add(new Plain(new Orphan()))
                .add(new Plain(new Chat()))
                .add(new Plain(new SecondChat()));
        assertThat(builder.errors())
                .anyMatch(e -> e.contains("Bad#connect(Socket, Ack): only an @OnEvent method"))
                .anyMatch(e -> e.contains("Bad#connect(Socket, Ack): parameter 2"))
                .anyMatch(e -> e.contains("Bad#x(Runnable): parameter 1 has a type that cannot"))
                .anyMatch(e -> e.contains("Orphan#x(): a handler method on a class without"))
                .anyMatch(e -> e.contains("SecondChat: duplicate namespace /chat"))
                .hasSize(5);
        assertThat(builder.build().toString()).contains("/chat=" + Chat.class.getName());
    }
}
