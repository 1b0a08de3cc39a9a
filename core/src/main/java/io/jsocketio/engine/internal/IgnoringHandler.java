package io.jsocketio.engine.internal;

import io.jsocketio.engine.WebSocketHandler;

/** The handler of a refused WebSocket: ignores whatever still arrives. Thread-safety: stateless. */
enum IgnoringHandler implements WebSocketHandler {
    INSTANCE;

    @Override
    public void onText(String text) {}

    @Override
    public void onBinary(byte[] data) {}

    @Override
    public void onClose(int code, String reason) {}

    @Override
    public void onError(Throwable error) {}
}
