/**
 * The MessagePack Socket.IO parser, wire-compatible with npm {@code socket.io-msgpack-parser} 3.x:
 * {@link io.jsocketio.msgpack.MsgpackParser}.
 */
module io.jsocketio.msgpack {
    requires transitive io.jsocketio.core;
    requires msgpack.core;
    requires static org.jspecify;

    exports io.jsocketio.msgpack;
}
