package io.jsocketio.it.container.app;

import jakarta.enterprise.context.SessionScoped;
import java.io.Serializable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A session-scoped bean that the {@link VisitsServlet} and the {@link VisitsNamespace} handlers
 * both write: what was added in one HTTP session, in order.
 */
@SessionScoped
public class Visits implements Serializable {
    private static final long serialVersionUID = 1L;

    private final List<String> entries = new CopyOnWriteArrayList<>();

    public void add(String entry) {
        entries.add(entry);
    }

    /** The entries, comma-separated. */
    public String entries() {
        return String.join(",", entries);
    }
}
