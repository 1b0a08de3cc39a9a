/** The MessagePack reader and writer behind {@link io.jsocketio.msgpack.MsgpackParser}. */
@org.jspecify.annotations.NullMarked
package io.jsocketio.msgpack.internal;
