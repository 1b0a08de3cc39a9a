package io.jsocketio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsocketio.engine.EngineMessage;
import io.jsocketio.testing.FakeEngineSocket;
import io.jsocketio.testing.SioHarness;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Events in both directions, acknowledgements asked by the client, binary, listeners. */
class EventsTest {
    private final SioHarness h = SioHarness.create();
    private final AtomicReference<Socket> socket = new AtomicReference<>();

    EventsTest() {
        h.io.onConnection(
                s -> {
                    socket.set(s);
                    s.on("message", (args, ack) -> s.emit("message-back", args.toList().toArray()));
                    s.on("message-with-ack", (args, ack) -> ack.send(args.toList().toArray()));
                });
    }

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void echoesAnEventWithItsArgumentsInOrderAndTypes() {
        FakeEngineSocket conn = h.connected();

        conn.receive("2[\"message\",1,\"2\",{\"3\":[true]}]");

        assertThat(conn.texts()).containsExactly("2[\"message-back\",1,\"2\",{\"3\":[true]}]");
    }

    @Test
    void echoesBinaryArgumentsAsBinaryFramesInOrder() {
        FakeEngineSocket conn = h.connected();

        conn.receive(
                "52-[\"message\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]");
        conn.receive(new byte[] {1, 2, 3});
        conn.receive(new byte[] {4, 5, 6});

        List<EngineMessage> out = conn.messages();
        assertThat(out).hasSize(3);
        assertThat(out.get(0).text())
                .isEqualTo(
                        "52-[\"message-back\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]");
        assertThat(out.get(1).binary()).containsExactly(1, 2, 3);
        assertThat(out.get(2).binary()).containsExactly(4, 5, 6);
        assertThat(conn.sends()).hasSize(1);
    }

    @Test
    void acknowledgesWithTheIdTheClientGave() {
        FakeEngineSocket conn = h.connected();

        conn.receive("2456[\"message-with-ack\",1,\"2\",{\"3\":[false]}]");

        assertThat(conn.texts()).containsExactly("3456[1,\"2\",{\"3\":[false]}]");
    }

    @Test
    void acknowledgesWithBinaryAsABinaryAck() {
        FakeEngineSocket conn = h.connected();

        conn.receive(
                "52-789[\"message-with-ack\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]");
        conn.receive(new byte[] {1, 2, 3});
        conn.receive(new byte[] {4, 5, 6});

        List<EngineMessage> out = conn.messages();
        assertThat(out.get(0).text())
                .isEqualTo(
                        "62-789[{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]");
        assertThat(out.get(1).binary()).containsExactly(1, 2, 3);
        assertThat(out.get(2).binary()).containsExactly(4, 5, 6);
    }

    @Test
    void sendsNoAcknowledgementUnlessTheListenerCallsIt() {
        FakeEngineSocket conn = h.connected();
        socket.get().on("quiet", (args, ack) -> {});

        conn.receive("27[\"quiet\"]");

        assertThat(conn.messages()).isEmpty();
    }

    @Test
    void ignoresASecondAcknowledgement() {
        FakeEngineSocket conn = h.connected();
        socket.get()
                .on(
                        "twice",
                        (args, ack) -> {
                            ack.send("first");
                            ack.send("second");
                        });

        conn.receive("21[\"twice\"]");

        assertThat(conn.texts()).containsExactly("31[\"first\"]");
    }

    @Test
    void tellsTheListenerWhetherAnAcknowledgementWasAsked() {
        FakeEngineSocket conn = h.connected();
        List<Boolean> requested = new ArrayList<>();
        socket.get().on("q", (args, ack) -> requested.add(ack.requested()));

        conn.receive("2[\"q\"]");
        conn.receive("25[\"q\"]");

        assertThat(requested).containsExactly(false, true);
    }

    @Test
    void readsArgumentsThroughArgs() {
        FakeEngineSocket conn = h.connected();
        AtomicReference<Chat> chat = new AtomicReference<>();
        AtomicReference<byte[]> bytes = new AtomicReference<>();
        socket.get()
                .on(
                        "chat",
                        (args, ack) -> {
                            chat.set(args.get(0, Chat.class));
                            bytes.set(args.binary(1));
                        });

        conn.receive(
                "51-[\"chat\",{\"from\":\"ann\",\"text\":\"hi\"},{\"_placeholder\":true,\"num\":0}]");
        conn.receive(new byte[] {9});

        assertThat(chat.get()).isEqualTo(new Chat("ann", "hi"));
        assertThat(bytes.get()).containsExactly(9);
    }

    public record Chat(String from, String text) {}

    @Test
    void emitsJavaValuesAsCompactJson() {
        FakeEngineSocket conn = h.connected();

        socket.get()
                .emit(
                        "x",
                        1,
                        2.5,
                        "s",
                        true,
                        null,
                        List.of(1, "a"),
                        Map.of("k", 1L),
                        new Chat("a", "b"));

        assertThat(conn.texts())
                .containsExactly(
                        "2[\"x\",1,2.5,\"s\",true,null,[1,\"a\"],{\"k\":1},{\"from\":\"a\",\"text\":\"b\"}]");
    }

    @Test
    void emitsBinaryNestedInObjectsAsAttachments() {
        FakeEngineSocket conn = h.connected();

        socket.get().emit("file", Map.of("name", "a.bin", "data", new byte[] {7, 8}));

        List<EngineMessage> out = conn.messages();
        assertThat(out.get(0).text()).startsWith("51-[\"file\",{");
        assertThat(out.get(0).text()).contains("\"data\":{\"_placeholder\":true,\"num\":0}");
        assertThat(out.get(1).binary()).containsExactly(7, 8);
    }

    @Test
    void sendEmitsAMessageEvent() {
        FakeEngineSocket conn = h.connected();

        socket.get().send("hi");
        socket.get().write("there");

        assertThat(conn.texts())
                .containsExactly("2[\"message\",\"hi\"]", "2[\"message\",\"there\"]");
    }

    @Test
    void refusesToEmitReservedEventNames() {
        h.connected();
        for (String name :
                List.of(
                        "connect",
                        "connect_error",
                        "disconnect",
                        "disconnecting",
                        "newListener",
                        "removeListener")) {
            assertThatThrownBy(() -> socket.get().emit(name))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("reserved");
            assertThatThrownBy(() -> h.io.emit(name)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> socket.get().broadcast().emit(name))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void deliversDisconnectingAndDisconnectToStringRegisteredListenersWithNodesArguments() {
        FakeEngineSocket conn = h.connected();
        List<String> seen = new ArrayList<>();
        socket.get()
                .on(
                        "disconnecting",
                        (args, ack) ->
                                seen.add(
                                        "disconnecting "
                                                + args.getString(0)
                                                + " "
                                                + args.get(1, String.class)
                                                + " "
                                                + ack.requested()));
        socket.get().on("disconnect", (args, ack) -> seen.add("disconnect " + args.getString(0)));
        socket.get().onDisconnect((reason, description) -> seen.add("typed " + reason.wire()));

        conn.receive("1");

        assertThat(seen)
                .containsExactly(
                        "disconnecting client namespace disconnect null false",
                        "typed client namespace disconnect",
                        "disconnect client namespace disconnect");
    }

    @Test
    void deliversErrorsToStringRegisteredListeners() {
        FakeEngineSocket conn = h.connected();
        List<String> seen = new ArrayList<>();
        socket.get()
                .use(
                        (event, args, next) ->
                                next.fail(new IllegalStateException("refused " + event)));
        socket.get().on("error", (args, ack) -> seen.add(args.getString(0)));

        conn.receive("2[\"chat\"]");

        assertThat(seen).containsExactly("refused chat");
    }

    @Test
    void acceptsListenersForEveryReservedNameWithoutCallingTheClientOnlyOnes() {
        FakeEngineSocket conn = h.connected();
        List<String> seen = new ArrayList<>();
        for (String name : List.of("connect", "connect_error", "newListener", "removeListener")) {
            socket.get().on(name, (args, ack) -> seen.add(name));
        }

        conn.receive("2[\"connect\"]"); // refused by the decoder: the connection closes

        assertThat(seen).isEmpty();
    }

    @Test
    void removeAllListenersRemovesEveryKindOfListener() {
        FakeEngineSocket conn = h.connected();
        List<String> seen = new ArrayList<>();
        Socket s = socket.get();
        s.on("chat", (args, ack) -> seen.add("chat"));
        s.onAny((event, args) -> seen.add("any"));
        s.onDisconnect((reason, description) -> seen.add("typed disconnect"));
        s.on("disconnect", (args, ack) -> seen.add("disconnect"));

        s.removeAllListeners();
        conn.receive("2[\"chat\"]");
        conn.receive("1");

        assertThat(seen).isEmpty();
        assertThat(s.listeners("chat")).isEmpty();
        assertThat(s.listenersAny()).isEmpty();
    }

    @Test
    void offOfADisconnectEventRemovesTheTypedListenersToo() {
        FakeEngineSocket conn = h.connected();
        List<String> seen = new ArrayList<>();
        socket.get().onDisconnect((reason, description) -> seen.add("typed"));
        socket.get().on("disconnect", (args, ack) -> seen.add("string"));

        socket.get().removeAllListeners("disconnect");
        conn.receive("1");

        assertThat(seen).isEmpty();
    }

    @Test
    void sendsANullArgumentAsJsonNull() {
        FakeEngineSocket conn = h.connected();

        socket.get().emit("x", null);
        socket.get().emit("x", null, 1);
        socket.get().emit("x", (Object) null);
        socket.get().send(null);
        h.io.emit("y", null);
        h.io.emit("y", null, "z");

        assertThat(conn.texts())
                .containsExactly(
                        "2[\"x\",null]",
                        "2[\"x\",null,1]",
                        "2[\"x\",null]",
                        "2[\"message\",null]",
                        "2[\"y\",null]",
                        "2[\"y\",null,\"z\"]");
    }

    @Test
    void acknowledgesWithNull() {
        FakeEngineSocket conn = h.connected();
        socket.get().on("ask", (args, ack) -> ack.send(null));

        conn.receive("25[\"ask\"]");

        assertThat(conn.texts()).containsExactly("35[null]");
    }

    @Test
    void sendWithAnAckAsksForAnAcknowledgement() {
        FakeEngineSocket conn = h.connected();
        List<String> seen = new ArrayList<>();

        socket.get().send((error, args) -> seen.add(args.getString(0)), "hi");
        conn.receive("30[\"got it\"]");

        assertThat(conn.texts()).containsExactly("20[\"message\",\"hi\"]");
        assertThat(seen).containsExactly("got it");
    }

    @Test
    void keepsTheSocketWhenAListenerThrows() {
        FakeEngineSocket conn = h.connected();
        List<String> seen = new ArrayList<>();
        socket.get()
                .on(
                        "boom",
                        (args, ack) -> {
                            seen.add("first");
                            throw new IllegalStateException("listener bug");
                        });
        socket.get().on("boom", (args, ack) -> seen.add("second"));

        conn.receive("2[\"boom\"]");
        conn.receive("2[\"boom\"]");

        assertThat(seen).containsExactly("first", "second", "first", "second");
        assertThat(socket.get().connected()).isTrue();
        assertThat(conn.isOpen()).isTrue();
    }

    @Test
    void logsAListenerFailureWithNamespaceSocketIdAndEvent() {
        FakeEngineSocket conn = h.connected();
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger("io.jsocketio.Socket");
        List<java.util.logging.LogRecord> records = new ArrayList<>();
        java.util.logging.Handler handler =
                new java.util.logging.Handler() {
                    @Override
                    public void publish(java.util.logging.LogRecord r) {
                        records.add(r);
                    }

                    @Override
                    public void flush() {}

                    @Override
                    public void close() {}
                };
        logger.addHandler(handler);
        try {
            socket.get()
                    .on(
                            "boom",
                            (args, ack) -> {
                                throw new IllegalStateException("listener bug");
                            });

            conn.receive("2[\"boom\"]");
        } finally {
            logger.removeHandler(handler);
        }

        assertThat(records)
                .anySatisfy(
                        r -> {
                            assertThat(r.getLevel()).isEqualTo(java.util.logging.Level.WARNING);
                            assertThat(r.getMessage())
                                    .contains("namespace /", socket.get().id(), "event boom");
                            assertThat(r.getThrown()).hasMessage("listener bug");
                        });
    }

    @Test
    void runsListenersInPacketOrder() {
        FakeEngineSocket conn = h.connected();
        List<Integer> seen = new ArrayList<>();
        socket.get().on("n", (args, ack) -> seen.add(args.get(0, Integer.class)));

        for (int i = 0; i < 5; i++) {
            conn.receive("2[\"n\"," + i + "]");
        }

        assertThat(seen).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void runsAOnceListenerOnce() {
        FakeEngineSocket conn = h.connected();
        List<String> seen = new ArrayList<>();
        socket.get().once("e", (args, ack) -> seen.add("once"));

        conn.receive("2[\"e\"]");
        conn.receive("2[\"e\"]");

        assertThat(seen).containsExactly("once");
    }

    @Test
    void removesListeners() {
        FakeEngineSocket conn = h.connected();
        List<String> seen = new ArrayList<>();
        EventListener l = (args, ack) -> seen.add("l");
        socket.get().on("e", l).on("e", (args, ack) -> seen.add("other"));
        assertThat(socket.get().listeners("e")).hasSize(2).contains(l);

        socket.get().off("e", l);
        conn.receive("2[\"e\"]");
        socket.get().off("e");
        conn.receive("2[\"e\"]");

        assertThat(seen).containsExactly("other");
        assertThat(socket.get().listeners("e")).isEmpty();
    }

    @Test
    void catchAllListenersSeeEveryIncomingEventFirstInTheirOrder() {
        FakeEngineSocket conn = h.connected();
        List<String> seen = new ArrayList<>();
        AnyListener a = (event, args) -> seen.add("a:" + event + args.size());
        socket.get().onAny(a);
        socket.get().prependAny((event, args) -> seen.add("p:" + event));
        socket.get().on("x", (args, ack) -> seen.add("listener"));

        conn.receive("2[\"x\",1,2]");
        assertThat(socket.get().listenersAny()).hasSize(2);
        socket.get().offAny(a);
        conn.receive("2[\"y\"]");
        socket.get().offAny();
        conn.receive("2[\"z\"]");

        assertThat(seen).containsExactly("p:x", "a:x2", "listener", "p:y");
        assertThat(socket.get().listenersAny()).isEmpty();
    }

    @Test
    void outgoingCatchAllListenersSeeEmitsAndBroadcastsButNotAcknowledgements() {
        FakeEngineSocket conn = h.connected();
        List<String> seen = new ArrayList<>();
        socket.get().onAnyOutgoing((event, args) -> seen.add(event + ":" + args.getString(0)));
        socket.get().prependAnyOutgoing((event, args) -> seen.add("first"));
        socket.get().on("a", (args, ack) -> ack.send("acked"));

        socket.get().emit("direct", "1");
        h.io.emit("broadcast", "2");
        conn.receive("20[\"a\"]");

        assertThat(seen).containsExactly("first", "direct:1", "first", "broadcast:2");
        assertThat(socket.get().listenersAnyOutgoing()).hasSize(2);
        socket.get().offAnyOutgoing();
        socket.get().emit("after", "3");
        assertThat(seen).hasSize(4);
    }

    @Test
    void aFailingEventMiddlewareDropsTheEventAndReportsTheError() {
        FakeEngineSocket conn = h.connected();
        List<String> seen = new ArrayList<>();
        socket.get()
                .use(
                        (event, args, next) -> {
                            if (event.equals("forbidden")) {
                                next.fail(new IllegalStateException("unauthorized event"));
                            } else {
                                next.proceed();
                            }
                        });
        socket.get()
                .use(
                        (event, args, next) -> {
                            seen.add("second middleware " + event);
                            next.proceed();
                        });
        socket.get().onError(e -> seen.add("error " + e.getMessage()));
        socket.get().on("forbidden", (args, ack) -> seen.add("forbidden ran"));
        socket.get().on("allowed", (args, ack) -> seen.add("allowed ran"));

        conn.receive("2[\"forbidden\"]");
        conn.receive("2[\"allowed\"]");

        assertThat(seen)
                .containsExactly(
                        "error unauthorized event", "second middleware allowed", "allowed ran");
    }

    @Test
    void anEventMiddlewareMayContinueLaterFromAnotherThread() throws Exception {
        FakeEngineSocket conn = h.connected();
        List<Next> parked = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        socket.get().use((event, args, next) -> parked.add(next));
        socket.get().on("e", (args, ack) -> seen.add("ran"));

        conn.receive("2[\"e\"]");
        assertThat(seen).isEmpty();
        Thread t = new Thread(() -> parked.get(0).proceed());
        t.start();
        t.join();

        assertThat(seen).containsExactly("ran");
    }
}
