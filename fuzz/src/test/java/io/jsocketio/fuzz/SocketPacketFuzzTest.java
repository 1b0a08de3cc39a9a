package io.jsocketio.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jsocketio.engine.EngineMessage;
import io.jsocketio.engine.parser.PacketFormatException;
import io.jsocketio.parser.SocketPacketDecoder;

/**
 * The Socket.IO decoder (protocol v5, and v4, which is encoded the same way) fed a sequence of text
 * and binary messages, so that binary packets and their attachments are reassembled: only {@link
 * PacketFormatException} may escape.
 */
class SocketPacketFuzzTest {

    @FuzzTest(maxDuration = "4h", maxExecutions = Budget.EXECUTIONS)
    void packetsWithAttachments(FuzzedDataProvider data) {
        SocketPacketDecoder decoder = new SocketPacketDecoder();
        while (data.remainingBytes() > 0) {
            EngineMessage message =
                    data.consumeBoolean()
                            ? EngineMessage.text(data.consumeString(200))
                            : EngineMessage.binary(data.consumeBytes(32));
            try {
                decoder.add(message);
            } catch (PacketFormatException expected) {
                // the documented rejection; the decoder was reset and goes on
            }
        }
    }
}
