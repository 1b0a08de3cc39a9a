package io.jsocketio.redis.internal;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;

/**
 * The Redis adapter's decoding of what other servers (Java or Node) and the emitter publish:
 * broadcasts ({@code [uid, packet, opts]} in MessagePack) and requests/responses (MessagePack or
 * JSON). Only {@link IllegalArgumentException}, the documented rejection, may escape.
 */
class RedisMessageFuzzTest {
    private static final long EXECUTIONS = 10_000_000L;

    @FuzzTest(maxDuration = "4h", maxExecutions = EXECUTIONS)
    void broadcast(byte[] message) {
        try {
            Object decoded = Msgpack.decode(message);
            if (decoded instanceof List<?> list && list.size() >= 3) {
                Values.packetFromWire(list.get(1), "/");
                Requests.optsFromWire(list.get(2));
            }
        } catch (IllegalArgumentException expected) {
            // the documented rejection
        }
    }

    @FuzzTest(maxDuration = "4h", maxExecutions = EXECUTIONS)
    void requestOrResponse(byte[] message) {
        try {
            Values.parseMessage(message);
        } catch (IllegalArgumentException expected) {
            // the documented rejection
        }
    }
}
