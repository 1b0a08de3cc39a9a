package io.jsocketio.bench;

import io.jsocketio.engine.EngineMessage;
import io.jsocketio.internal.json.ArgsImpl;
import io.jsocketio.parser.SocketPacket;
import io.jsocketio.parser.SocketPacketDecoder;
import jakarta.json.JsonValue;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Inbound argument mapping, what a listener does with {@link io.jsocketio.Args}: the arguments of
 * one decoded event {@code 2["chat",{"room":"lobby","text":"<100 B>","n":7},"<100 B>"]} read as a
 * record (JSON-B), as a String, as a {@link JsonValue} and as plain Java values.
 *
 * <p>Thread-safety: JMH state, one instance per benchmark thread.
 */
@State(Scope.Thread)
public class ArgsMappingBenchmark extends BenchmarkDefaults {
    /**
     * The record the first argument maps to.
     *
     * @param room a room name
     * @param text the message, 100 B
     * @param n a number
     */
    public record ChatMessage(String room, String text, int n) {}

    private SocketPacket packet;

    /** Decodes the event once. */
    @Setup
    public void setUp() {
        String wire =
                "2[\"chat\",{\"room\":\"lobby\",\"text\":"
                        + Payloads.JSON_100
                        + ",\"n\":7},"
                        + Payloads.JSON_100
                        + "]";
        packet = new SocketPacketDecoder().add(EngineMessage.text(wire));
    }

    /** {@code args.get(0, ChatMessage.class)}. */
    @Benchmark
    public ChatMessage toRecord() {
        return ArgsImpl.ofEvent(packet).get(0, ChatMessage.class);
    }

    /** {@code args.getString(1)}. */
    @Benchmark
    public String toStringArg() {
        return ArgsImpl.ofEvent(packet).getString(1);
    }

    /** {@code args.get(0, JsonValue.class)}. */
    @Benchmark
    public JsonValue toJsonValue() {
        return ArgsImpl.ofEvent(packet).get(0, JsonValue.class);
    }

    /** {@code args.toList()}: maps and lists, as the conformance server's echo reads them. */
    @Benchmark
    public List<Object> toJavaList() {
        return ArgsImpl.ofEvent(packet).toList();
    }
}
