package io.jsocketio.bench;

import io.jsocketio.engine.EngineMessage;
import io.jsocketio.internal.json.JsonMapping;
import io.jsocketio.parser.SocketPacket;
import io.jsocketio.parser.SocketPacketDecoder;
import io.jsocketio.parser.SocketPacketEncoder;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The Socket.IO v5 codec: an EVENT packet {@code 2["event","<100 B>"]} and a BINARY_EVENT with two
 * 1 KiB attachments, each encoded to engine messages ({@link SocketPacketEncoder}) and decoded from
 * them ({@link SocketPacketDecoder}, one per session as a client has), plus the emit path that maps
 * Java arguments to the packet first ({@link JsonMapping#eventPayload}).
 *
 * <p>Thread-safety: JMH state, one instance per benchmark thread.
 */
@State(Scope.Thread)
public class SocketCodecBenchmark extends BenchmarkDefaults {
    private final SocketPacketDecoder decoder = new SocketPacketDecoder();
    private SocketPacket event;
    private SocketPacket binaryEvent;
    private byte[] attachment;
    private EngineMessage eventText;
    private List<EngineMessage> binaryMessages;

    /** Builds the packets and their wire forms once. */
    @Setup
    public void setUp() {
        attachment = Payloads.bytes(1024);
        event = JsonMapping.eventPayload("event", Payloads.TEXT_100).event("/", null);
        binaryEvent = JsonMapping.eventPayload("event", attachment, attachment).event("/", null);
        eventText = SocketPacketEncoder.encode(event).get(0);
        binaryMessages = SocketPacketEncoder.encode(binaryEvent);
    }

    /** {@code 2["event","<100 B>"]} from its packet. */
    @Benchmark
    public List<EngineMessage> encodeEvent() {
        return SocketPacketEncoder.encode(event);
    }

    /** {@code emit("event", "<100 B>")}'s arguments to the packet's engine messages. */
    @Benchmark
    public List<EngineMessage> encodeEventFromArgs() {
        return SocketPacketEncoder.encode(
                JsonMapping.eventPayload("event", Payloads.TEXT_100).event("/", null));
    }

    /** {@code 2["event","<100 B>"]} to its packet. */
    @Benchmark
    public SocketPacket decodeEvent() {
        return decoder.add(eventText);
    }

    /** A BINARY_EVENT with two 1 KiB attachments from its packet: one text and two binaries. */
    @Benchmark
    public List<EngineMessage> encodeBinaryEvent() {
        return SocketPacketEncoder.encode(binaryEvent);
    }

    /** {@code emit("event", bytes, bytes)}'s arguments (two 1 KiB arrays) to engine messages. */
    @Benchmark
    public List<EngineMessage> encodeBinaryEventFromArgs() {
        return SocketPacketEncoder.encode(
                JsonMapping.eventPayload("event", attachment, attachment).event("/", null));
    }

    /** The text and two attachments of a BINARY_EVENT back to its packet. */
    @Benchmark
    public SocketPacket decodeBinaryEvent() {
        SocketPacket packet = null;
        for (EngineMessage message : binaryMessages) {
            packet = decoder.add(message);
        }
        return packet;
    }
}
