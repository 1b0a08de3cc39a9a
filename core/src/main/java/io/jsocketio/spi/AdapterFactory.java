package io.jsocketio.spi;

/**
 * Makes the adapter of each namespace ({@code io.adapter(createAdapter(...))} in Node).
 *
 * <p>Called once per namespace, on the thread creating the namespace. Must be safe for concurrent
 * use.
 */
@FunctionalInterface
public interface AdapterFactory {

    /** The adapter of the namespace that {@code context} describes. */
    Adapter create(AdapterContext context);

    /**
     * The in-memory adapter (the default): the room index of this server. A cluster adapter may
     * keep one per namespace and delegate its local work to it.
     */
    static AdapterFactory inMemory() {
        return io.jsocketio.internal.InMemoryAdapter::new;
    }
}
