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
}
