package dev.failoverlab.loadgen.http;

/** Receives one {@link IntervalReport} per second, on the load generator's event-loop thread: keep it quick. */
@FunctionalInterface
public interface LoadListener {
    LoadListener NONE = r -> { };

    void interval(IntervalReport r);
}
