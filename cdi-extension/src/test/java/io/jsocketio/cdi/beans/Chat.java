package io.jsocketio.cdi.beans;

import io.jsocketio.Ack;
import io.jsocketio.Args;
import io.jsocketio.DisconnectReason;
import io.jsocketio.Socket;
import io.jsocketio.cdi.Namespace;
import io.jsocketio.cdi.OnConnect;
import io.jsocketio.cdi.OnDisconnect;
import io.jsocketio.cdi.OnEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** The /chat namespace handlers used by the tests. */
@ApplicationScoped
@Namespace("/chat")
public class Chat {
    @Inject Recorder recorder;
    @Inject PerEvent perEvent;

    @OnConnect
    void connected(Socket socket) {
        recorder.add("connect " + socket.nsp().name());
        socket.emit("welcome", "hi");
    }

    @OnEvent("message")
    void message(Socket socket, ChatMessage message, int count, Ack ack) {
        recorder.add("message " + message.user() + ":" + message.text() + " x" + count);
        ack.send("got " + message.text());
    }

    @OnEvent("echo")
    String echo(String text) {
        return text;
    }

    @OnEvent("point")
    int sum(Point point) {
        return point.getX() + point.getY();
    }

    @OnEvent("reverse")
    byte[] reverse(byte[] data) {
        byte[] out = new byte[data.length];
        for (int i = 0; i < data.length; i++) {
            out[i] = data[data.length - 1 - i];
        }
        return out;
    }

    @OnEvent("json")
    JsonObject json(JsonValue value, List<Integer> numbers) {
        return Json.createObjectBuilder().add("value", value).add("count", numbers.size()).build();
    }

    @OnEvent("args")
    int size(Args args) {
        return args.size();
    }

    @OnEvent("later")
    CompletionStage<String> later(String text) {
        return CompletableFuture.completedFuture(text.toUpperCase(java.util.Locale.ROOT));
    }

    @OnEvent("request")
    int request() {
        return perEvent.number();
    }

    @OnEvent("fail")
    String fail() {
        throw new IllegalStateException("boom");
    }

    @OnDisconnect
    void disconnected(Socket socket, DisconnectReason reason) {
        recorder.add("disconnect " + reason.wire());
    }
}
