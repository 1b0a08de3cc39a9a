package io.jsocketio.cdi.beans;

import jakarta.enterprise.context.SessionScoped;
import java.io.Serializable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A session-scoped bean: what one HTTP session put in its cart. */
@SessionScoped
public class Cart implements Serializable {
    private static final long serialVersionUID = 1L;
    private final List<String> items = new CopyOnWriteArrayList<>();

    public void add(String item) {
        items.add(item);
    }

    public List<String> items() {
        return List.copyOf(items);
    }
}
