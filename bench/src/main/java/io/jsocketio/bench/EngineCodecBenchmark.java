package io.jsocketio.bench;

import io.jsocketio.engine.EngineMessage;
import io.jsocketio.engine.parser.EngineCodec;
import io.jsocketio.engine.parser.Packet;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The Engine.IO v4 codec ({@link EngineCodec}): a text message packet, a binary message (the
 * WebSocket frame as it is, the polling form in base64) and a polling payload of ten messages.
 * Every encode gets a fresh {@link EngineMessage}, as each emit does, so no framing cached on a
 * message is reused across invocations.
 *
 * <p>Thread-safety: JMH state, one instance per benchmark thread.
 */
@State(Scope.Thread)
public class EngineCodecBenchmark extends BenchmarkDefaults {
    /** Messages in the polling payload benchmarks. */
    static final int PAYLOAD_PACKETS = 10;

    private String textPacket;
    private byte[] binary1k;
    private String base64Packet;
    private String pollingBody;

    /** Builds the wire forms once. */
    @Setup
    public void setUp() {
        textPacket = "4" + Payloads.TEXT_100;
        binary1k = Payloads.bytes(1024);
        base64Packet = EngineCodec.encodePacket(Packet.message(EngineMessage.binary(binary1k)));
        pollingBody = EngineCodec.encodePayload(textPackets());
    }

    private static List<Packet> textPackets() {
        List<Packet> packets = new ArrayList<>(PAYLOAD_PACKETS);
        for (int i = 0; i < PAYLOAD_PACKETS; i++) {
            packets.add(Packet.message(EngineMessage.text(Payloads.TEXT_100)));
        }
        return packets;
    }

    /** A 100 B text message to its WebSocket frame, {@code 4xxx...}. */
    @Benchmark
    public String encodeText() {
        return EngineCodec.encodePacket(Packet.message(EngineMessage.text(Payloads.TEXT_100)));
    }

    /** A WebSocket text frame {@code 4xxx...} (100 B) to its packet. */
    @Benchmark
    public Packet decodeText() {
        return EngineCodec.decodePacket(textPacket);
    }

    /** A 1 KiB binary message to its polling form, {@code b<base64>}. */
    @Benchmark
    public String encodeBinaryBase64() {
        return EngineCodec.encodePacket(Packet.message(EngineMessage.binary(binary1k)));
    }

    /** A polling {@code b<base64>} packet (1 KiB) to its binary message. */
    @Benchmark
    public Packet decodeBinaryBase64() {
        return EngineCodec.decodePacket(base64Packet);
    }

    /** A 1 KiB WebSocket binary frame to its binary message. */
    @Benchmark
    public Packet decodeBinaryFrame() {
        return EngineCodec.decodeBinaryFrame(binary1k);
    }

    /** Ten 100 B text messages to one polling response body. */
    @Benchmark
    public String encodePollingPayload() {
        return EngineCodec.encodePayload(textPackets());
    }

    /** A polling request body of ten 100 B text messages to its packets. */
    @Benchmark
    public List<Packet> decodePollingPayload() {
        return EngineCodec.decodePayload(pollingBody);
    }
}
