package io.jsocketio.parser;

import io.jsocketio.engine.EngineMessage;
import java.util.List;

/** The built-in parser of {@link Parser#defaultParser()}. Thread-safety: stateless. */
enum DefaultParser implements Parser {
    INSTANCE;

    @Override
    public List<EngineMessage> encode(SocketPacket packet) {
        return SocketPacketEncoder.encode(packet);
    }

    @Override
    public PacketDecoder newDecoder() {
        return new SocketPacketDecoder();
    }

    @Override
    public String toString() {
        return "socket.io-parser";
    }
}
