package io.jsocketio.examples.chat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Delivery receipts of the recent messages: who sent each and how many members got it. Messages go
 * to a room without acknowledgement so that a member whose connection dropped gets them when it
 * recovers; each recipient's page answers with {@code received}, counted here. The oldest entries
 * are forgotten beyond {@link #MAX}.
 *
 * <p>Thread-safety: safe for concurrent use (one lock, never held while calling out).
 */
final class Receipts {
    static final int MAX = 1000;

    /** The sender of a message, its room, and the recipients so far. */
    record Receipt(String sender, String room, int count) {}

    private final Map<String, Receipt> byId =
            new LinkedHashMap<>() {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Receipt> eldest) {
                    return size() > MAX;
                }
            }; // guarded by itself

    /** A message was sent. */
    void sent(String id, String sender, String room) {
        synchronized (byId) {
            byId.put(id, new Receipt(sender, room, 0));
        }
    }

    /** A member got message {@code id}; the receipt with that member counted. */
    Optional<Receipt> received(String id) {
        synchronized (byId) {
            Receipt r = byId.get(id);
            if (r == null) {
                return Optional.empty();
            }
            Receipt next = new Receipt(r.sender(), r.room(), r.count() + 1);
            byId.put(id, next);
            return Optional.of(next);
        }
    }
}
