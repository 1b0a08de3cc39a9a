/**
 * The Engine.IO server: sessions, heartbeats, upgrades, and the SPI that transports implement
 * ({@link io.jsocketio.engine.PollingExchange}, {@link io.jsocketio.engine.WebSocketPeer}).
 */
@org.jspecify.annotations.NullMarked
package io.jsocketio.engine;
