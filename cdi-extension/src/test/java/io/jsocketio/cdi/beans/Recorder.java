package io.jsocketio.cdi.beans;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** What the handler beans saw, in order. */
@ApplicationScoped
public class Recorder {
    private final List<String> calls = new CopyOnWriteArrayList<>();

    public void add(String call) {
        calls.add(call);
    }

    public List<String> calls() {
        return List.copyOf(calls);
    }
}
