package io.jsocketio.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import java.util.List;

/** The three ways a client reaches the server: each test that takes one runs over all three. */
enum Transports {
    /** HTTP long-polling only. */
    POLLING(List.of("polling")),
    /** WebSocket from the first request. */
    WEBSOCKET(List.of("websocket")),
    /** Polling first, then the upgrade to WebSocket (the clients' default). */
    UPGRADE(List.of("polling", "websocket"));

    private final List<String> names;

    Transports(List<String> names) {
        this.names = names;
    }

    /** The client option {@code transports}. */
    List<String> names() {
        return names;
    }

    /** The client option {@code transports} as JSON. */
    JsonArray json() {
        JsonArrayBuilder array = Json.createArrayBuilder();
        names.forEach(array::add);
        return array.build();
    }

    /** The transport the connection opens with. */
    String first() {
        return names.get(0);
    }

    /** Whether the connection upgrades to WebSocket after opening. */
    boolean upgrades() {
        return names.size() > 1;
    }

    /** The eio-client.js argument. */
    String argument() {
        return String.join(",", names);
    }
}
