package io.jsocketio.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jsocketio.engine.parser.EngineCodec;
import io.jsocketio.engine.parser.EngineCodecV3;
import io.jsocketio.engine.parser.PacketFormatException;

/**
 * The Engine.IO decoders, v4 and v3: only {@link PacketFormatException}, their documented
 * exception, may escape. {@code mvn verify} replays the corpus in {@code
 * src/test/resources/io/jsocketio/fuzz/EngineCodecFuzzTestInputs/}; {@code JAZZER_FUZZ=1} fuzzes
 * the selected method (README.md, "Fuzzing").
 */
class EngineCodecFuzzTest {

    @FuzzTest(maxDuration = "4h", maxExecutions = Budget.EXECUTIONS)
    void v4Packet(FuzzedDataProvider data) {
        expectOnlyFormatErrors(() -> EngineCodec.decodePacket(data.consumeRemainingAsString()));
    }

    @FuzzTest(maxDuration = "4h", maxExecutions = Budget.EXECUTIONS)
    void v4Payload(FuzzedDataProvider data) {
        expectOnlyFormatErrors(() -> EngineCodec.decodePayload(data.consumeRemainingAsString()));
    }

    @FuzzTest(maxDuration = "4h", maxExecutions = Budget.EXECUTIONS)
    void v4BinaryFrame(byte[] frame) {
        expectOnlyFormatErrors(() -> EngineCodec.decodeBinaryFrame(frame));
    }

    @FuzzTest(maxDuration = "4h", maxExecutions = Budget.EXECUTIONS)
    void v3Packet(FuzzedDataProvider data) {
        expectOnlyFormatErrors(() -> EngineCodecV3.decodePacket(data.consumeRemainingAsString()));
    }

    @FuzzTest(maxDuration = "4h", maxExecutions = Budget.EXECUTIONS)
    void v3Payload(FuzzedDataProvider data) {
        expectOnlyFormatErrors(() -> EngineCodecV3.decodePayload(data.consumeRemainingAsString()));
    }

    @FuzzTest(maxDuration = "4h", maxExecutions = Budget.EXECUTIONS)
    void v3BinaryPayload(byte[] body) {
        expectOnlyFormatErrors(() -> EngineCodecV3.decodeBinaryPayload(body));
    }

    @FuzzTest(maxDuration = "4h", maxExecutions = Budget.EXECUTIONS)
    void v3BinaryFrame(byte[] frame) {
        expectOnlyFormatErrors(() -> EngineCodecV3.decodeBinaryFrame(frame));
    }

    @FuzzTest(maxDuration = "4h", maxExecutions = Budget.EXECUTIONS)
    void v3JsonpBody(FuzzedDataProvider data) {
        expectOnlyFormatErrors(
                () ->
                        EngineCodecV3.decodeJsonpBody(data.consumeRemainingAsString())
                                .ifPresent(EngineCodecV3::decodePayload));
    }

    private static void expectOnlyFormatErrors(Runnable decode) {
        try {
            decode.run();
        } catch (PacketFormatException expected) {
            // the documented rejection
        }
    }
}
