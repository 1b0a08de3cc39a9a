package io.jsocketio.internal;

import io.jsocketio.AnyListener;
import io.jsocketio.DisconnectListener;
import io.jsocketio.ErrorListener;
import io.jsocketio.EventListener;
import io.jsocketio.EventMiddleware;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** The listeners and middlewares of one socket; each list is safe for concurrent use. */
final class SocketListeners {

    /** An event listener, possibly registered with {@code once}. */
    record Entry(EventListener listener, boolean once) {}

    final Map<String, CopyOnWriteArrayList<Entry>> events = new ConcurrentHashMap<>();
    final CopyOnWriteArrayList<EventMiddleware> middlewares = new CopyOnWriteArrayList<>();
    final CopyOnWriteArrayList<AnyListener> any = new CopyOnWriteArrayList<>();
    final CopyOnWriteArrayList<AnyListener> anyOutgoing = new CopyOnWriteArrayList<>();
    final CopyOnWriteArrayList<DisconnectListener> disconnecting = new CopyOnWriteArrayList<>();
    final CopyOnWriteArrayList<DisconnectListener> disconnect = new CopyOnWriteArrayList<>();
    final CopyOnWriteArrayList<ErrorListener> error = new CopyOnWriteArrayList<>();

    void add(String event, EventListener listener, boolean once) {
        events.computeIfAbsent(event, e -> new CopyOnWriteArrayList<>())
                .add(new Entry(listener, once));
    }

    void remove(String event, EventListener listener) {
        List<Entry> list = events.get(event);
        if (list != null) {
            for (Entry e : list) {
                if (e.listener() == listener) {
                    list.remove(e);
                    return;
                }
            }
        }
    }

    void removeAll(String event) {
        events.remove(event);
    }

    List<EventListener> listeners(String event) {
        List<Entry> list = events.get(event);
        List<EventListener> out = new ArrayList<>();
        if (list != null) {
            for (Entry e : list) {
                out.add(e.listener());
            }
        }
        return List.copyOf(out);
    }

    /** The entries to call for one event; {@code once} entries are removed. */
    List<Entry> take(String event) {
        CopyOnWriteArrayList<Entry> list = events.get(event);
        if (list == null) {
            return List.of();
        }
        List<Entry> snapshot = List.copyOf(list);
        for (Entry e : snapshot) {
            if (e.once()) {
                list.remove(e);
            }
        }
        return snapshot;
    }

    static <T> void removeFirst(List<T> list, T item) {
        for (T t : list) {
            if (t == item) {
                list.remove(t);
                return;
            }
        }
    }
}
