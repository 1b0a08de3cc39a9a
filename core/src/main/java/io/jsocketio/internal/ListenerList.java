package io.jsocketio.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A copy-on-write list of listeners, small for the common case of few or no listeners: an empty
 * list costs one object and no array (the shared empty list), and iteration reads one volatile
 * snapshot without locking or allocating. Changes copy the snapshot.
 *
 * <p>Thread-safety: safe for concurrent use; changes are serialized on this object, iteration sees
 * the snapshot of the moment it started.
 */
final class ListenerList<T> implements Iterable<T> {
    private volatile List<T> items = List.of();

    synchronized void add(T item) {
        List<T> copy = new ArrayList<>(items.size() + 1);
        copy.addAll(items);
        copy.add(item);
        items = List.copyOf(copy);
    }

    synchronized void prepend(T item) {
        List<T> copy = new ArrayList<>(items.size() + 1);
        copy.add(item);
        copy.addAll(items);
        items = List.copyOf(copy);
    }

    /** Removes the first occurrence of {@code item} (by identity); false when absent. */
    synchronized boolean remove(T item) {
        List<T> current = items;
        for (int i = 0; i < current.size(); i++) {
            if (current.get(i) == item) {
                List<T> copy = new ArrayList<>(current);
                copy.remove(i);
                items = List.copyOf(copy);
                return true;
            }
        }
        return false;
    }

    synchronized void clear() {
        items = List.of();
    }

    boolean isEmpty() {
        return items.isEmpty();
    }

    /** The current listeners (immutable). */
    List<T> snapshot() {
        return items;
    }

    @Override
    public Iterator<T> iterator() {
        return items.iterator();
    }
}
