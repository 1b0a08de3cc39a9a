package io.jsocketio.msgpack;

import io.jsocketio.engine.EngineMessage;
import io.jsocketio.msgpack.internal.MsgpackDecoder;
import io.jsocketio.msgpack.internal.PacketWriter;
import io.jsocketio.parser.PacketDecoder;
import io.jsocketio.parser.Parser;
import io.jsocketio.parser.SocketPacket;
import java.util.List;

/**
 * The Socket.IO parser of npm {@code socket.io-msgpack-parser} 3.x, for {@code
 * ServerOptions.builder().parser(MsgpackParser.create())}. Clients must use the same parser: the
 * npm client with {@code parser: require("socket.io-msgpack-parser")}, or the browser bundle {@code
 * socket.io.msgpack.min.js} that {@code serveClient} serves.
 *
 * <p>Every packet is one binary Engine.IO message: a MessagePack map {@code {type, data, id, nsp}}
 * as npm {@code notepack.io} writes it, with binary values inline as MessagePack {@code bin}. There
 * are no separate attachments and no BINARY_EVENT/BINARY_ACK types on the wire. Inside the server
 * the packets look as with the default parser: binary values stand as placeholders whose bytes are
 * the packet's attachments, so handlers read them as {@code byte[]} ({@code args.binary(i)}), and a
 * {@code byte[]} emitted goes out as {@code bin}.
 *
 * <p>Values, both ways as notepack.io: integers in the smallest integer format, other numbers as
 * float 64, strings as {@code str}, {@code null} as {@code nil}. Read also: an {@code ext} of type
 * 0 (a Node {@code ArrayBuffer}) as binary; notepack's {@code undefined} as a missing value (left
 * out of maps, {@code null} in arrays, as {@code JSON.stringify} does); its {@code Date} as the ISO
 * string {@code JSON.stringify} writes; other extensions as {@code [type, binary]}; a non-finite
 * float as {@code null}.
 *
 * <p>A message is rejected with {@link io.jsocketio.engine.parser.PacketFormatException} (the
 * server closes the connection with {@code parse error}, as Node does) when it is not one complete
 * MessagePack map, and with Node's checks and messages: {@code invalid packet type} (not an integer
 * from 0 to 4), {@code invalid namespace} (not a string), {@code invalid payload} (CONNECT not a
 * map or absent, DISCONNECT not absent, CONNECT_ERROR not a string or map, EVENT and ACK not an
 * array), {@code invalid packet id} (present and not an integer). Stricter than Node, as the
 * default parser is: an EVENT needs an event name (a number, or a string that is not a reserved
 * name), a namespace starts with {@code /}, an ack id is a non-negative long, nesting is limited to
 * 1000 levels (as for JSON text), map keys are strings, integers, booleans or nil, and a map has no
 * key twice. A text message is rejected too.
 *
 * <p>Thread-safety: immutable; {@link #encode} is safe from any thread. Each decoder serves one
 * connection (one thread at a time) and keeps no state between messages.
 */
public final class MsgpackParser implements Parser {

    private static final MsgpackParser INSTANCE = new MsgpackParser();

    private MsgpackParser() {}

    /** The parser (stateless, shared). */
    public static MsgpackParser create() {
        return INSTANCE;
    }

    /**
     * One binary message: the packet as a MessagePack map with its attachments inline.
     *
     * @throws IllegalArgumentException when the ack id is negative
     */
    @Override
    public List<EngineMessage> encode(SocketPacket packet) {
        return List.of(EngineMessage.binary(PacketWriter.write(packet)));
    }

    @Override
    public PacketDecoder newDecoder() {
        return new MsgpackDecoder();
    }

    @Override
    public String toString() {
        return "socket.io-msgpack-parser";
    }
}
