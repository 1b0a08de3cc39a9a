/**
 * The Engine.IO WebSocket transport over JSR-356: {@link io.jsocketio.websocket.WebSocketTransport}
 * registers a programmatic {@code jakarta.websocket.Endpoint} at an engine's path, and {@link
 * io.jsocketio.websocket.EngineTransports} installs it together with the long-polling servlet in
 * one call.
 */
@org.jspecify.annotations.NullMarked
package io.jsocketio.websocket;
