/**
 * The embedded server's Jetty-native transports (an RFC 6455 connection on Jetty's {@code
 * EndPoint} behind the engine's {@link io.jsocketio.engine.WebSocketPeer} SPI, long-polling on
 * Jetty's core request API) and its limits on slow clients. Not exported.
 */
@org.jspecify.annotations.NullMarked
package io.jsocketio.jetty.internal;
