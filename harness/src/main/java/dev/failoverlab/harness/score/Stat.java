package dev.failoverlab.harness.score;

/**
 * A metric over seeds: mean of the {@code n} finite values out of {@code of} runs, and the half-width of its
 * 95 % Student-t interval (NaN when n &lt; 2).
 */
public record Stat(double mean, double halfWidth95, int n, int of) {

    public boolean isEmpty() {
        return n == 0;
    }
}
