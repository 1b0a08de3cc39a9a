package io.jsocketio;

/**
 * Receives each namespace the server creates after the main one ({@code io.on("new_namespace", nsp
 * => ...)}), including children of dynamic namespaces.
 *
 * <p>Runs on the thread that created the namespace (a lane for dynamic namespaces), once per
 * namespace. An exception it throws is logged and ignored.
 */
@FunctionalInterface
public interface NewNamespaceListener {

    /** A namespace was created. */
    void onNewNamespace(Namespace namespace);
}
