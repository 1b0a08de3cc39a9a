/** The MessagePack Socket.IO parser: {@link io.jsocketio.msgpack.MsgpackParser}. */
@org.jspecify.annotations.NullMarked
package io.jsocketio.msgpack;
