package dev.failoverlab.harness.sim;

/** Time integral of a piecewise-constant quantity (pods existing, pods running), taken per sampling interval. */
final class Integral {
    private double value;
    private double mark;
    private double accumulated;

    void set(double now, double newValue) {
        flush(now);
        value = newValue;
    }

    void add(double now, double delta) {
        set(now, value + delta);
    }

    double value() {
        return value;
    }

    /** The integral since the last call, up to {@code now}. */
    double take(double now) {
        flush(now);
        double result = accumulated;
        accumulated = 0;
        return result;
    }

    private void flush(double now) {
        accumulated += value * (now - mark);
        mark = now;
    }
}
