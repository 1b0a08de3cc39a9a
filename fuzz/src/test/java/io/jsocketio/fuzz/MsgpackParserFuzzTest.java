package io.jsocketio.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jsocketio.engine.EngineMessage;
import io.jsocketio.engine.parser.PacketFormatException;
import io.jsocketio.msgpack.MsgpackParser;
import io.jsocketio.parser.PacketDecoder;
import io.jsocketio.parser.SocketPacket;

/**
 * The MessagePack parser's decoder fed one binary message: only {@link PacketFormatException} may
 * escape, and a packet it accepts encodes into a message that reads back to the same packet header
 * and encodes to the same bytes again.
 */
class MsgpackParserFuzzTest {
    private static final MsgpackParser PARSER = MsgpackParser.create();

    @FuzzTest(maxDuration = "4h", maxExecutions = Budget.EXECUTIONS)
    void oneBinaryMessage(FuzzedDataProvider input) {
        byte[] data = input.consumeRemainingAsBytes();
        PacketDecoder decoder = PARSER.newDecoder();
        SocketPacket packet;
        try {
            packet = decoder.add(EngineMessage.binary(data));
        } catch (PacketFormatException expected) {
            return; // the documented rejection
        }
        // what the encoder writes reads back to a packet that encodes to the same bytes (data may
        // differ from the input's once: undefined, Dates and lookalike placeholders are normalized)
        byte[] written = PARSER.encode(packet).get(0).binary();
        SocketPacket again = PARSER.newDecoder().add(EngineMessage.binary(written));
        assertThat(again.type()).isEqualTo(packet.type());
        assertThat(again.namespace()).isEqualTo(packet.namespace());
        assertThat(again.id()).isEqualTo(packet.id());
        assertThat(PARSER.encode(again).get(0).binary()).isEqualTo(written);
    }
}
