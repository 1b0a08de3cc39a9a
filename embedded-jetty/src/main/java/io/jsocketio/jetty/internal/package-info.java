/**
 * The embedded server's Jetty-native WebSocket transport: an upgrade handler in front of the
 * servlet context and an RFC 6455 connection on Jetty's {@code EndPoint}, behind the engine's
 * {@link io.jsocketio.engine.WebSocketPeer} SPI. Not exported.
 */
@org.jspecify.annotations.NullMarked
package io.jsocketio.jetty.internal;
