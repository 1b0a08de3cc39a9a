package io.jsocketio.cdi.beans;

import jakarta.enterprise.context.RequestScoped;
import java.util.concurrent.atomic.AtomicInteger;

/** A request-scoped bean: a fresh instance per socket event proves the request context. */
@RequestScoped
public class PerEvent {
    private static final AtomicInteger CREATED = new AtomicInteger();
    private final int number = CREATED.incrementAndGet();

    public int number() {
        return number;
    }
}
