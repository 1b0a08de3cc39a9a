/** Implementation of the WebSocket transport; not an API. */
@org.jspecify.annotations.NullMarked
package io.jsocketio.websocket.internal;
