package org.stele.simulation;

import java.util.ArrayDeque;
import java.util.List;

/** The last events of a run, one compact line each, printed when an invariant fails. */
final class Trace {
    private final int capacity;
    private final ArrayDeque<String> lines = new ArrayDeque<>();

    Trace(int capacity) {
        this.capacity = capacity;
    }

    void add(long now, String line) {
        if (lines.size() == capacity)
            lines.removeFirst();
        lines.addLast(String.format("%8d %s", now, line));
    }

    List<String> lines() {
        return List.copyOf(lines);
    }
}
