package io.jsocketio.internal;

import io.jsocketio.AnyListener;
import io.jsocketio.DisconnectListener;
import io.jsocketio.ErrorListener;
import io.jsocketio.EventListener;
import io.jsocketio.EventMiddleware;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The listeners and middlewares of one socket. Kept small, since every connection has one: the
 * event listeners in one plain map (guarded by this object), the other kinds in {@link
 * ListenerList}s that cost nothing until used.
 *
 * <p>Thread-safety: safe for concurrent use.
 */
final class SocketListeners {

    /** An event listener, possibly registered with {@code once}. */
    record Entry(EventListener listener, boolean once) {}

    private final Map<String, List<Entry>> events = new HashMap<>(); // guarded by this
    final ListenerList<EventMiddleware> middlewares = new ListenerList<>();
    final ListenerList<AnyListener> any = new ListenerList<>();
    final ListenerList<AnyListener> anyOutgoing = new ListenerList<>();
    final ListenerList<DisconnectListener> disconnecting = new ListenerList<>();
    final ListenerList<DisconnectListener> disconnect = new ListenerList<>();
    final ListenerList<ErrorListener> error = new ListenerList<>();

    synchronized void add(String event, EventListener listener, boolean once) {
        List<Entry> current = events.get(event);
        Entry entry = new Entry(listener, once);
        if (current == null) {
            events.put(event, List.of(entry));
        } else {
            List<Entry> copy = new ArrayList<>(current.size() + 1);
            copy.addAll(current);
            copy.add(entry);
            events.put(event, List.copyOf(copy));
        }
    }

    synchronized void remove(String event, EventListener listener) {
        List<Entry> current = events.get(event);
        if (current == null) {
            return;
        }
        for (int i = 0; i < current.size(); i++) {
            if (current.get(i).listener() == listener) {
                List<Entry> copy = new ArrayList<>(current);
                copy.remove(i);
                if (copy.isEmpty()) {
                    events.remove(event);
                } else {
                    events.put(event, List.copyOf(copy));
                }
                return;
            }
        }
    }

    synchronized void removeAll(String event) {
        events.remove(event);
    }

    /** Removes every listener (middlewares stay). */
    void removeAll() {
        synchronized (this) {
            events.clear();
        }
        any.clear();
        anyOutgoing.clear();
        disconnecting.clear();
        disconnect.clear();
        error.clear();
    }

    synchronized List<EventListener> listeners(String event) {
        List<Entry> current = events.getOrDefault(event, List.of());
        List<EventListener> out = new ArrayList<>(current.size());
        for (Entry e : current) {
            out.add(e.listener());
        }
        return List.copyOf(out);
    }

    /**
     * The entries to call for one event (an immutable snapshot); {@code once} entries are removed.
     */
    synchronized List<Entry> take(String event) {
        List<Entry> current = events.get(event);
        if (current == null) {
            return List.of();
        }
        boolean anyOnce = false;
        for (Entry e : current) {
            anyOnce |= e.once();
        }
        if (anyOnce) {
            List<Entry> rest = new ArrayList<>(current.size());
            for (Entry e : current) {
                if (!e.once()) {
                    rest.add(e);
                }
            }
            if (rest.isEmpty()) {
                events.remove(event);
            } else {
                events.put(event, List.copyOf(rest));
            }
        }
        return current;
    }
}
